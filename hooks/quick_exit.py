"""MkDocs hook: the build's process ends without Python's last search for garbage cycles among the objects
the build made (half a second at 100x content, benchmarks/build_scale.py); the operating system takes back
the memory of a process that ends. Runs once, as `mkdocs build` or `mkdocs serve` ends, never between builds."""

import gc


def on_shutdown():
    gc.freeze()
