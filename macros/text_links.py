"""The one link syntax of content text, [words](#id), for the schema, the loader and the renderer.

Apart from the schema so that rendering imports neither it nor pydantic: a rebuild from kept fragments
(macros/fragment_cache.py) needs neither.
"""

import re

TEXT_LINK = re.compile(r"\[([^\[\]]+)\]\(#([^()\s]*)\)")
