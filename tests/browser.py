"""Real-browser helpers for tests: which Chromium to run, how to launch it, and a server for a built site."""

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# The sizes and palettes at which the site is checked in a browser.
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}
# The palette follows prefers-color-scheme; each preference must apply its Material scheme.
SCHEMES = {"light": "default", "dark": "slate"}
CASES = [(viewport, scheme) for viewport in VIEWPORTS for scheme in SCHEMES]

# Headless flags known to work in a container without a display or GPU; --headless itself is
# added by Playwright. The --disable-* flags keep Chromium from calling home during a test.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Chromium's headless-only build (Debian's package chromium-headless-shell), which Playwright itself runs for
# headless tests: far lighter than the full browser; the test suite takes about two thirds of the time.
HEADLESS_SHELL = "chromium-headless-shell"
FULL_BROWSERS = ("/usr/bin/chromium", "chromium", "chromium-browser")


def find_chromium(*, full_browser: bool = False) -> str | None:
    """The Chromium to use: $CHROMIUM_PATH, else the system's headless shell (unless the full browser is asked
    for, as Lighthouse needs), else the system's full browser; None means Playwright's managed browser."""
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    for name in FULL_BROWSERS if full_browser else (HEADLESS_SHELL, *FULL_BROWSERS):
        if found := shutil.which(name):
            return found
    return None


def launch_chromium(playwright):
    """A headless Chromium Browser; the system's when there is one (Playwright's download fails here)."""
    return playwright.chromium.launch(headless=True, executable_path=find_chromium(), args=CHROMIUM_FLAGS)


def print_to_pdf(page, url: str, paper: str) -> bytes:
    """The page at url printed on A4 or Letter; the page is left under print media, to look at what printed."""
    page.goto(url)
    page.emulate_media(media="print")
    return page.pdf(format=paper)


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files, and index.html for directory URLs, without logging each request to stderr."""

    def log_message(self, format, *args):
        pass


@contextmanager
def serve_directory(path: str | os.PathLike, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve a built static site on a free local port for the duration of the block; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(Path(path))))
    server.daemon_threads = True
    # shutdown() waits for the loop's next look at its flag: every 0.5 s by default, idle time at every stop.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# Each figure on the page as shown: its title, where it is and how wide, the same of its column, and its smallest
# label's size (null without one); all in CSS pixels.
FIGURES_SHOWN = """() => [...document.querySelectorAll("figure.drawing")].map(figure => {
  const drawing = figure.querySelector("svg"), shown = drawing.getBoundingClientRect();
  const column = figure.closest("article").getBoundingClientRect();
  const labels = [...drawing.querySelectorAll("text")].map(
    text => text.getScreenCTM().a * parseFloat(getComputedStyle(text).fontSize));
  return {title: drawing.querySelector("title").textContent, left: shown.left, width: shown.width,
          column_left: column.left, column_width: column.width, smallest_label: labels.length ? Math.min(...labels) : null};
})"""


def figures_shown(page) -> list[dict]:
    """The figures of the page as it is shown now (on screen, or under print media after print_to_pdf)."""
    return page.evaluate(FIGURES_SHOWN)
