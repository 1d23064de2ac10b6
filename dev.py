#!/usr/bin/env python3
"""The two commands of the README: `python3 dev.py serve` and `python3 dev.py test`.

Each one creates .venv on first use and installs what pyproject.toml lists, then serves the site with
live reload on http://127.0.0.1:8000 or runs every test. Needs only Python 3.11 and git.
"""

import argparse
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*command: object) -> None:
    result = subprocess.run([str(part) for part in command], cwd=ROOT)
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


def serve() -> None:
    install()
    run(PYTHON, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000")


def test(pytest_args: list[str]) -> None:
    install("test")
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
