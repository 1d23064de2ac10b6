#!/usr/bin/env python3
"""How build time grows with content, and what the data layer costs on top of MkDocs and Material.

For each scale (1x, 10x, 100x the real content: every list of items and every workout file repeated,
with ids made unique and references kept consistent), it builds a temporary copy of the project with
`mkdocs build --strict`, then the same pages pre-rendered to plain Markdown with the macros plugin and
the item-page hook off, through the same hooks (SHARED_HOOKS): the baseline, what MkDocs, Material and
the finishing of every page cost without the data layer.

A build keeps nothing for the next one: every build reads, validates and renders all the content, so one
column serves the fresh clone, the content edit and the rebuild of `mkdocs serve` alike. The validate column
is the contributors' check, run as they run it.

Usage: .venv/bin/python benchmarks/build_scale.py [--scales 1 10 100] [--runs 5] [--calls]
A measurement, not a test: run it by hand on a quiet machine and report its table. On a shared VM one
100x build can run a tenth faster or slower than the next, more than the margin being measured: raise --runs,
or add --calls, which also counts the Python function calls of one build of each kind (a count, not a time).
"""

import argparse
import importlib.util
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.load import load_content  # noqa: E402
from macros.models import KINDS  # noqa: E402
from macros.yaml_reader import read_yaml  # noqa: E402
from tests.project import copy_site_sources  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# The hooks that are not the data layer (valid HTML, minified pages, a quick exit): the baseline runs them
# too, so that only the data layer differs.
SHARED_HOOKS = ["hooks/valid_html.py", "hooks/minify.py", "hooks/quick_exit.py"]


def scaled(value, ids: set[str], suffix: str):
    """One copy of a data tree whose ids, references and links all carry the suffix."""
    if isinstance(value, dict):
        return {key: scaled(item, ids, suffix) for key, item in value.items()}
    if isinstance(value, list):
        return [scaled(item, ids, suffix) for item in value]
    if isinstance(value, str):
        if value in ids:
            return value + suffix
        return re.sub(r"\(#([a-z0-9-]+)\)", lambda m: f"(#{m.group(1)}{suffix})", value)
    return value


def repeated(tree: dict, ids: set[str], scale: int) -> dict:
    """Every list in the file, outside the items of another list, holds `scale` copies of its items (a single
    mapping's too, such as the sources of the plan rules); single values stay as they are."""
    return merged([scaled(tree, ids, f"-x{n}" if n else "") for n in range(scale)])


def merged(copies: list):
    first = copies[0]
    if isinstance(first, list):
        return [item for copy in copies for item in copy]
    if isinstance(first, dict):
        return {key: merged([copy[key] for copy in copies]) for key in first}
    return first


def write_yaml(path: Path, tree) -> None:
    path.write_text(yaml.safe_dump(tree, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")


def make_project(target: Path, scale: int) -> None:
    copy_site_sources(target)
    data = target / "data"
    data.mkdir(parents=True)
    content = load_content(ROOT / "data")
    # More content cites the same sources: a list of thousands of sources is no guide's, and over the 1 MB a
    # data file may hold.
    sources = {source.id for source in content.sources.sources}
    ids = set(content.file_of_id) - sources
    for kind in KINDS:
        if not kind.is_folder:
            tree = read_yaml((ROOT / "data" / kind.data).read_text()).value
            write_yaml(data / kind.data, repeated(tree, ids, 1 if kind.field == "sources" else scale))
            continue
        (data / kind.data).mkdir()
        for item in sorted((ROOT / "data" / kind.data).glob("*.yaml")):
            tree = read_yaml(item.read_text()).value
            for n in range(scale):
                suffix = f"-x{n}" if n else ""
                write_yaml(data / kind.data / f"{item.stem}{suffix}.yaml", scaled(tree, ids, suffix))


def build(
    project: Path, config: str = "mkdocs.yml", extra_env: dict | None = None, profile: Path | None = None
) -> float:
    site = project / "site"
    # What the build before wrote (15 MB at 100x) goes to disk now, not while this build is timed: otherwise
    # the build that follows the biggest writer pays for them.
    os.sync()
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *(["-m", "cProfile", "-o", str(profile)] if profile else [])]
        + ["-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(site)],
        cwd=project,
        check=True,
        env={**ENV, **(extra_env or {})},
    )
    return time.perf_counter() - start


def make_baseline(project: Path) -> str:
    """Pre-render every page once with the macros on, then write a config that builds them without."""
    prerendered = project / "prerendered"
    shutil.copytree(project / "docs", prerendered)
    hook = ROOT / "benchmarks" / "prerender_hook.py"
    config = project / "mkdocs-prerender.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nhooks:\n  - hooks/generated_pages.py\n  - {hook}\n")
    build(project, config.name, {"PRERENDER_DIR": str(prerendered)})
    spec = importlib.util.spec_from_file_location("generated_pages", project / "hooks" / "generated_pages.py")
    pages_hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pages_hook)
    from mkdocs.config import load_config

    nav = pages_hook.on_config(load_config(str(project / "mkdocs.yml"))).nav
    baseline = project / "mkdocs-baseline.yml"
    baseline.write_text(
        "INHERIT: mkdocs.yml\ndocs_dir: prerendered\nplugins: [search]\n"
        + yaml.safe_dump({"hooks": SHARED_HOOKS})
        + yaml.safe_dump({"nav": nav}, sort_keys=False)
    )
    return baseline.name


def median_builds(project: Path, configs: list[str], runs: int) -> list[float]:
    """The median build seconds of each config. Their runs alternate, so that a machine that slows down
    or speeds up during the benchmark (a shared VM does) weighs on each config alike."""
    seconds = {config: [] for config in configs}
    for _ in range(runs):
        for config in configs:
            seconds[config].append(build(project, config))
    return [statistics.median(seconds[config]) for config in configs]


def function_calls(project: Path, configs: list[str]) -> list[int]:
    """The Python function calls of one build of each config, counted by cProfile. Unlike seconds they come
    out the same on a busy machine, so a difference of a few per cent shows. Only work in Python counts: a
    call into C (hashing, JSON, pydantic's validator) is one call, however long it runs."""
    calls = []
    for config in configs:
        with tempfile.TemporaryDirectory() as tmp:
            build(project, config, profile=Path(tmp) / "build.prof")
            calls.append(pstats.Stats(str(Path(tmp) / "build.prof")).total_calls)
    return calls


def validate_seconds(project: Path, runs: int) -> float:
    """The contributors' check, as they run it: a fresh Python, its imports and all the content. The median
    of `runs` runs: one run of a second swings by a fifth on a shared machine."""
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "macros.validate"], cwd=project, check=True, stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", action="store_true", help="also count function calls of one build of each kind")
    args = parser.parse_args()
    rows, calls = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            project = Path(tmp) / f"x{scale}"
            make_project(project, scale)
            baseline_config = make_baseline(project)
            with_macros, baseline = median_builds(project, ["mkdocs.yml", baseline_config], args.runs)
            pages = len(list((project / "site").rglob("index.html"))) + 1  # + 404.html
            rows.append((scale, pages, with_macros, baseline, validate_seconds(project, args.runs)))
            if args.calls:
                calls.append((scale, *function_calls(project, ["mkdocs.yml", baseline_config])))
    if calls:
        print("| scale | function calls | baseline | ratio |")
        print("| ---: | ---: | ---: | ---: |")
        for scale, with_macros, baseline in calls:
            print(f"| {scale}x | {with_macros:,} | {baseline:,} | {with_macros / baseline:.3f}x |")
        print()
    print(
        "| scale | pages | build s (median) | ms per page | baseline s | ratio to baseline "
        "| `python -m macros.validate` s (median) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for scale, pages, with_macros, baseline, validate in rows:
        print(
            f"| {scale}x | {pages} | {with_macros:.2f} | {1000 * with_macros / pages:.1f} | {baseline:.2f} "
            f"| {with_macros / baseline:.2f}x | {validate:.3f} |"
        )
    largest = max(rows)
    print(f"data-rendering overhead at {largest[0]}x content: {largest[2] / largest[3]:.2f}x")


if __name__ == "__main__":
    main()
