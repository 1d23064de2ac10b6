#!/usr/bin/env python3
"""The commands of the README and CONTRIBUTING: `python3 dev.py serve|build|test|validate|new|schemas`.

Each one creates .venv on first use and installs what pyproject.toml lists, then serves the site with
live reload (on http://127.0.0.1:8000 and site_url's path; extra arguments go to `mkdocs serve`, e.g.
--dev-addr 127.0.0.1:8001), builds it into site/ as the deploy does (strict), runs every test, checks the
content (macros.validate), starts a new workout, variation or plan (macros.new: `new workout tempo-day`,
`new plan base-build`) or writes the JSON Schemas and CONTRIBUTING's generated parts from the models and
data (macros.schemas).
Needs only Python 3.11 or newer and git.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
MIN_PYTHON = (3, 11)  # pyproject.toml's requires-python (tests/test_dev.py keeps them in step)
COMMANDS = ("serve", "build", "test", "validate", "new", "schemas")
DEFAULT_ADDRESS = "127.0.0.1:8000"  # mkdocs serve's own default


def check_python() -> None:
    """Stop at once, saying what to do, where pip would fail later: a Python older than the project's."""
    if sys.version_info[:2] < MIN_PYTHON:
        wanted = ".".join(map(str, MIN_PYTHON))
        sys.exit(
            f"dev.py: the project needs Python {wanted} or newer, this is {platform.python_version()}: "
            f"run python{wanted} dev.py (or a newer python3)"
        )


def discard_venv_of_another_python() -> None:
    """A .venv holds packages built for one Python: made by another one, it is made again from scratch."""
    config = VENV / "pyvenv.cfg"
    made_with = re.search(r"^version\s*=\s*(\d+)\.(\d+)", config.read_text(), re.M) if config.exists() else None
    if made_with and (int(made_with[1]), int(made_with[2])) != sys.version_info[:2]:
        print(
            f"dev.py: .venv was made with Python {made_with[1]}.{made_with[2]}, this is "
            f"{platform.python_version()}: making it again",
            flush=True,
        )
        shutil.rmtree(VENV)


def run(*command: object) -> None:
    result = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if result.returncode:
        sys.exit(result.returncode)


def install_stamp(root: Path, extra: str = "") -> tuple[Path, str]:
    """The file that records what .venv has installed, and what it must hold for the current pyproject.toml."""
    fingerprint = hashlib.sha256((root / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()
    return root / ".venv" / f".installed-{extra or 'site'}", fingerprint


def install(extra: str = "") -> None:
    """Install into .venv (with an extra from pyproject.toml) once per change of pyproject.toml."""
    discard_venv_of_another_python()
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    stamp, fingerprint = install_stamp(ROOT, extra)
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", f".[{extra}]" if extra else ".")
    stamp.write_text(fingerprint)


def can_apt_get() -> bool:
    return os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_get_install(what: str, *packages: str) -> None:
    print(f"dev.py: installing {what}", flush=True)
    apt_get_update()
    run("apt-get", "install", "-y", "-qq", *packages)


@functools.lru_cache(maxsize=None)  # noqa: UP033 (once per run; functools.cache is 3.9+, and 3.7 must read dev.py)
def apt_get_update() -> None:
    run("apt-get", "update", "-qq")


def ensure_java() -> None:
    """The HTML checker (vnu.jar) runs on Java, which a fresh Debian lacks: as root with apt-get (as in CI),
    Debian's runtime; elsewhere the test says to install one."""
    if not shutil.which("java") and can_apt_get():
        apt_get_install("Debian's Java runtime for the HTML checker", "default-jre-headless")


PRINT_FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def ensure_print_font() -> None:
    """The font the cards print in, which tests/test_printable.py reads: as root with apt-get (as in CI), Debian's
    fonts-liberation; elsewhere the test says to install it."""
    if not PRINT_FONT.exists() and can_apt_get():
        apt_get_install("Debian's Liberation fonts, the print font", "fonts-liberation")


def ensure_browser() -> None:
    """The browser tests need Chromium: $CHROMIUM_PATH or the system's headless shell if there is one; else, as
    root with apt-get (as in CI), Debian's headless shell; else the system's full Chromium if there is one; else
    Playwright's managed browser (a no-op once downloaded)."""
    sys.path.insert(0, str(ROOT))
    from tests.browser import HEADLESS_SHELL, find_chromium

    if os.environ.get("CHROMIUM_PATH") or shutil.which(HEADLESS_SHELL):
        return
    if can_apt_get():
        # Liberation: the metric-compatible Arial/Helvetica that the full chromium package brings (as a
        # recommendation) and the print tests' one-sheet cards were laid out with.
        apt_get_install(f"Debian's {HEADLESS_SHELL} for the browser tests", HEADLESS_SHELL, "fonts-liberation")
    elif not find_chromium():
        run(PYTHON, "-m", "playwright", "install", "chromium")


def site_path() -> str:
    """The path of site_url in mkdocs.yml, where mkdocs serve puts the site (read without YAML: dev.py
    runs before anything is installed)."""
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    path = re.sub(r"^\w+://[^/]*", "", site_url[1]) if site_url else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as mkdocs's server does
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def serve(mkdocs_args: list[str]) -> None:
    """mkdocs serve, in place of this process: Ctrl-C or a kill reaches the server itself."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("-a", "--dev-addr", default=DEFAULT_ADDRESS)
    known, rest = parser.parse_known_args(mkdocs_args)
    host, _, port = known.dev_addr.rpartition(":")
    host = host.strip("[]")
    if port.isdigit() and port_in_use(host, int(port)):  # anything else: mkdocs says what is wrong
        sys.exit(
            f"dev.py: port {port} on {host} is in use: choose another with --dev-addr, e.g. python3 dev.py serve --dev-addr {host}:{int(port) + 1}"
        )
    install()
    print(f"dev.py: serving the site on http://{known.dev_addr}{site_path()} once built (Ctrl-C stops it)", flush=True)
    command = [str(PYTHON), "-m", "mkdocs", "serve", "--dev-addr", known.dev_addr, *rest]
    if os.name == "nt":  # Windows has no exec that keeps the process: a child, as close as it gets
        run(*command)
        return
    os.chdir(ROOT)
    os.execv(PYTHON, command)


def build(mkdocs_args: list[str]) -> None:
    """The site as the deploy builds it: strict, into site/; then where it is."""
    install()
    run(PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", "site", *mkdocs_args)
    print(f"dev.py: built the site into {ROOT / 'site'} (open index.html there, or serve it)", flush=True)


def test(pytest_args: list[str]) -> None:
    install("test")
    ensure_java()
    ensure_print_font()
    if "not browser" not in pytest_args:  # CI's runs on other Pythons: `-m "not browser"`
        ensure_browser()
    run(PYTHON, "-m", "pytest", *pytest_args)


def content_command(module: str, args: list[str]) -> None:
    install()
    run(PYTHON, "-m", module, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument(
        "args",
        nargs=argparse.REMAINDER,
        help="passed on: to mkdocs serve or build, pytest, macros.validate, macros.new or macros.schemas",
    )
    args = parser.parse_args()
    rest = args.args
    check_python()
    # Material's notice of its end of life, printed by every build: the README's maintenance section has it.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.command == "serve":
        serve(rest)
    elif args.command == "build":
        build(rest)
    elif args.command == "test":
        test(rest)
    else:
        content_command(f"macros.{args.command}", rest)


if __name__ == "__main__":
    main()
