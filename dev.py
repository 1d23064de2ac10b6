#!/usr/bin/env python3
"""The commands of the README and CONTRIBUTING: `python3 dev.py serve|test|validate|new`.

Each one creates .venv on first use and installs what pyproject.toml lists, then serves the site with
live reload on http://127.0.0.1:8000, runs every test, checks the content (macros.validate) or starts a
new workout or variation (macros.new). Needs only Python 3.11 and git.
"""

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
PYTHON_VERSION = (3, 11)  # pyproject.toml's requires-python (tests/test_dev.py keeps them in step)


def check_python() -> None:
    """Stop at once, saying what to do, where pip would fail later: another Python here or in .venv."""
    wanted = ".".join(map(str, PYTHON_VERSION))
    if sys.version_info[:2] != PYTHON_VERSION:
        sys.exit(
            f"dev.py: the project runs on Python {wanted}, this is {platform.python_version()}: run python{wanted} dev.py"
        )
    config = VENV / "pyvenv.cfg"
    made_with = re.search(r"^version\s*=\s*(\d+)\.(\d+)", config.read_text(), re.M) if config.exists() else None
    if made_with and (int(made_with[1]), int(made_with[2])) != PYTHON_VERSION:
        sys.exit(
            f"dev.py: .venv was made with Python {made_with[1]}.{made_with[2]}: delete the .venv folder, then run this again"
        )


def run(*command: object) -> None:
    result = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if result.returncode:
        sys.exit(result.returncode)


def install(extra: str = "") -> None:
    """Install into .venv (with an extra from pyproject.toml) once per change of pyproject.toml."""
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()
    stamp = VENV / f".installed-{extra or 'site'}"
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", f".[{extra}]" if extra else ".")
    stamp.write_text(fingerprint)


def ensure_browser() -> None:
    """The browser tests need Chromium: $CHROMIUM_PATH or the system's headless shell if there is one; else, as
    root with apt-get (as in CI), Debian's headless shell; else the system's full Chromium if there is one; else
    Playwright's managed browser (a no-op once downloaded)."""
    sys.path.insert(0, str(ROOT))
    from tests.browser import HEADLESS_SHELL, find_chromium

    if os.environ.get("CHROMIUM_PATH") or shutil.which(HEADLESS_SHELL):
        return
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"dev.py: installing Debian's {HEADLESS_SHELL} for the browser tests", flush=True)
        run("apt-get", "update", "-qq")
        # Liberation: the metric-compatible Arial/Helvetica that the full chromium package brings (as a
        # recommendation) and the print tests' one-sheet cards were laid out with.
        run("apt-get", "install", "-y", "-qq", HEADLESS_SHELL, "fonts-liberation")
    elif not find_chromium():
        run(PYTHON, "-m", "playwright", "install", "chromium")


def serve() -> None:
    install()
    run(PYTHON, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000")


def test(pytest_args: list[str]) -> None:
    install("test")
    ensure_browser()
    run(PYTHON, "-m", "pytest", *pytest_args)


def content_command(module: str, args: list[str]) -> None:
    install()
    run(PYTHON, "-m", module, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["serve", "test", "validate", "new"])
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed on: to pytest, macros.validate or macros.new")
    args = parser.parse_args()
    rest = args.args
    check_python()
    if args.command == "serve":
        serve()
    elif args.command == "test":
        test(rest)
    else:
        content_command(f"macros.{args.command}", rest)


if __name__ == "__main__":
    main()
