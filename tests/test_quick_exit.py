"""The build's process ends without sweeping the objects the build made for garbage cycles."""

import gc
import importlib.util

from tests.project import ROOT


def test_at_shutdown_every_object_is_frozen_so_that_the_exit_does_not_sweep_them():
    spec = importlib.util.spec_from_file_location("quick_exit", ROOT / "hooks" / "quick_exit.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    try:
        hook.on_shutdown()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
