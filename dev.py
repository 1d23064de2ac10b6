#!/usr/bin/env python3
"""The two commands of the README: `python3 dev.py serve` and `python3 dev.py test`.

Each one creates .venv on first use and installs what pyproject.toml lists, then serves the site with
live reload on http://127.0.0.1:8000 or runs every test. Needs only Python 3.11 and git.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["serve", "test"])
    args, rest = parser.parse_known_args()
    if args.command == "serve":
        serve()
    else:
        test(rest)


if __name__ == "__main__":
    main()
