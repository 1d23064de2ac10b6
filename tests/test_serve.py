"""`mkdocs serve` on a copy of the project: an edit to the data or to the macros package shows on the
next fetch, without restarting the server. `python3 dev.py serve` runs it on the address it is given,
says so in one line when the port is taken, and stops with it.

The tests that edit files and read pages share one server (started by dev.py), each putting back what it edited.
"""

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import dev
from tests.project import ROOT, copy_project

STARTUP_TIMEOUT = 120  # seconds: the first build of the small fixture site, on a busy machine
RELOAD_TIMEOUT = 60
POLL_INTERVAL = 0.1  # seconds between looks at the page or the log: a rebuild takes about one


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, predicate: Callable[[str], bool], timeout: float, server: subprocess.Popen, log: Path) -> str:
    """Poll the page until it satisfies the predicate; fail with the server's log after the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve stopped:\n{log.read_text()}"
        page = fetch(url)
        if page is not None and predicate(page):
            return page
        time.sleep(POLL_INTERVAL)
    pytest.fail(f"{url} did not show the change within {timeout} s; server log:\n{log.read_text()}")


class Served:
    def __init__(self, project: Path, base_url: str, server: subprocess.Popen, log: Path):
        self.project, self.base_url, self.server, self.log = project, base_url, server, log
        self.log_start = 0  # where the current test's part of the log begins

    def wait_for(self, path: str, text: str, timeout: float = RELOAD_TIMEOUT) -> str:
        return wait_for(self.base_url + path, lambda page: text in page, timeout, self.server, self.log)

    def log_of_this_test(self) -> str:
        return self.log.read_text()[self.log_start :]


def with_dev_py(project: Path) -> Path:
    """The project copy with dev.py, and a .venv whose python is this one with everything installed."""
    shutil.copy(ROOT / "dev.py", project / "dev.py")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    venv_python = project / ".venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    venv_python.chmod(0o755)
    stamp, fingerprint = dev.install_stamp(project)
    stamp.write_text(fingerprint)
    return project


def dev_serve(project: Path, log: Path, *args: str) -> subprocess.Popen:
    """The server as started from a terminal, where Ctrl-C interrupts it: a shell that runs the tests in the
    background makes them ignore SIGINT, and the server would inherit that."""
    with log.open("w") as log_file:
        return subprocess.Popen(
            [sys.executable, "dev.py", "serve", *args],
            cwd=project,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.kill()
        server.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Served]:
    """`python3 dev.py serve`, which becomes `mkdocs serve` in its own process, on a copy of the project: one
    server for every test that edits files and reads pages, since each start costs a first build."""
    project = with_dev_py(copy_project(tmp_path_factory.mktemp("served") / "project"))
    address = f"127.0.0.1:{free_port()}"
    log = project.parent / "serve.log"
    server = dev_serve(project, log, "--dev-addr", address)
    try:
        served = Served(project, f"http://{address}{dev.site_path()}", server, log)
        served.wait_for("workouts/short-session/", "Short session", STARTUP_TIMEOUT)
        yield served
    finally:
        stop(server)


@pytest.fixture
def served(server) -> Iterator[Served]:
    """The shared server; what a test edits in data/ and macros/ is put back after it, so that no test sees
    another's edits (each test waits for a change of its own, so none needs the rebuild of what was put back)."""
    sources = [
        path
        for folder in ("data", "macros")
        for path in (server.project / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    before = {path: path.read_bytes() for path in sources}
    server.log_start = len(server.log.read_text())
    yield server
    for path, data in before.items():
        if path.read_bytes() != data:
            path.write_bytes(data)


def test_an_edited_data_file_shows_on_the_next_fetch(served):
    workout = served.project / "data" / "workouts" / "short-session.yaml"
    workout.write_text(workout.read_text().replace("title: Short session", "title: Edited while serving"))
    served.wait_for("workouts/short-session/", "Edited while serving")


def test_an_edited_template_shows_on_the_next_fetch(served):
    template = served.project / "macros" / "templates" / "workout.md"
    template.write_text(template.read_text() + "\nTemplate edited while serving.\n")
    served.wait_for("workouts/short-session/", "Template edited while serving.")


def test_edited_code_in_the_macros_package_runs_on_the_next_build(served):
    # Added at the end of render.py, so that the test does not depend on the code above it.
    render = served.project / "macros" / "render.py"
    render.write_text(
        render.read_text()
        + "\n_workout = PageFragments.workout\n"
        + "PageFragments.workout = lambda self, page, workout_id: "
        + "'Code edited while serving.\\n\\n' + _workout(self, page, workout_id)\n"
    )
    served.wait_for("workouts/short-session/", "Code edited while serving.")


def test_a_content_problem_is_reported_again_on_every_rebuild(served):
    # MkDocs logs a build error's message only once per process: saving the same mistake again must
    # still say what is wrong.
    workout = served.project / "data" / "workouts" / "short-session.yaml"
    broken = workout.read_text().replace("sets: 3", "sets: three")
    problem = "data/workouts/short-session.yaml:6:11: exercises[0].sets: expected a whole number"
    for times in (1, 2):
        workout.write_text(broken + "# saved again\n" * (times - 1))
        deadline = time.monotonic() + RELOAD_TIMEOUT
        while served.log_of_this_test().count(problem) < times:
            assert time.monotonic() < deadline, f"reported fewer than {times} times:\n{served.log.read_text()}"
            assert served.server.poll() is None, f"mkdocs serve stopped:\n{served.log.read_text()}"
            time.sleep(POLL_INTERVAL)


@pytest.fixture
def dev_project(project) -> Path:
    return with_dev_py(project)


def test_dev_serve_serves_on_the_address_it_is_given_and_says_where_including_the_site_path(server):
    server.wait_for("", "Hip")
    assert server.base_url in server.log.read_text().splitlines()[0]


def test_dev_serve_on_a_port_in_use_says_so_in_one_line(dev_project, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "dev.py", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=dev_project,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,  # the test asserts on the exit code
        )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert f"port {port} on 127.0.0.1 is in use" in result.stderr
    assert "--dev-addr" in result.stderr


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_stopping_dev_serve_stops_the_server(dev_project, tmp_path, stop_signal):
    address = f"127.0.0.1:{free_port()}"
    log = tmp_path / "serve.log"
    server = dev_serve(dev_project, log, "--dev-addr", address)
    try:
        wait_for(f"http://{address}{dev.site_path()}", lambda page: "Hip" in page, STARTUP_TIMEOUT, server, log)
        server.send_signal(stop_signal)
        server.wait(timeout=30)
        # Nothing was left behind to serve: the server was dev.py's own process.
        assert fetch(f"http://{address}{dev.site_path()}") is None
        host, port = address.split(":")
        assert not dev.port_in_use(host, int(port))
    finally:
        stop(server)
