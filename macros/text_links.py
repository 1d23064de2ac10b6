"""The one link syntax of content text, [words](#id), for the schema, the loader and the renderer."""

import re

TEXT_LINK = re.compile(r"\[([^\[\]]+)\]\(#([^()\s]*)\)")
