"""A request handler that serves as any real host would: Python's http.server neither compresses nor
keeps connections open, and Lighthouse would then measure bytes that no visitor downloads and a new
connection for every request. Each file is compressed once, as hosts serve static files: compressing on
every request would make the order in which responses arrive depend on this server's CPU."""

import gzip
import io
import os
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import QuietHandler

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class GzipHandler(QuietHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every response below carries its Content-Length
    # Headers and body go out in separate writes: with Nagle's algorithm on, a kept-alive connection holds
    # the end of each response until the browser's delayed acknowledgement, about 40 ms (nginx's tcp_nodelay).
    disable_nagle_algorithm = True

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not os.path.isfile(path)
            or not ctype.startswith(COMPRESSIBLE)
        ):
            return super().send_head()  # redirects, 404s, images, fonts: as usual
        body = _compressed(path, os.stat(path).st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@cache
def _compressed(path: str, mtime_ns: int) -> bytes:
    """The file's bytes, gzipped; keyed by its modification time too, for a site rebuilt while served."""
    return gzip.compress(Path(path).read_bytes())
