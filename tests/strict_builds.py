"""Runs `mkdocs build --strict` for several project folders in one Python process, the way the mkdocs
CLI does, and prints as JSON how each build ended and what it logged as errors.

One process for several builds keeps the corpus tests fast; the CLI itself is exercised in test_build.py.
Usage: python -m tests.strict_builds PROJECT_DIR [PROJECT_DIR ...]
"""

import json
import logging
import sys
import traceback

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def strict_build(project: str) -> dict:
    """'aborted' is what the CLI reports as a clean error (exit 1, no traceback); 'crashed' holds one."""
    errors = _Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        config = load_config(config_file=f"{project}/mkdocs.yml", site_dir=f"{project}/site", strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        outcome = "built"
    except Abort:
        outcome = "aborted"
    except BaseException:
        outcome = "crashed: " + traceback.format_exc()
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    return {"outcome": outcome, "errors": errors.messages}


if __name__ == "__main__":
    json.dump({project: strict_build(project) for project in sys.argv[1:]}, sys.stdout)
