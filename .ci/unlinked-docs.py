"""Lists intra-doc links of status-core that rustdoc rendered as literal brackets.

`cargo doc --no-deps` cannot link to a dependency's items, and shows `[`http::Response`]` as
text; such links name their target with a URL instead. Brackets that come from a dependency's
own docs (blanket impls) are not ours and are skipped: only texts written in our sources count.
"""

import html
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
core = root / "status-core"
# The docs are written in the sources and in the Markdown they include (the guides, the
# attribute reference).
texts = [*(core / "src").rglob("*.rs"), *(core / "guide").glob("*.md"), core / "attributes.md"]
sources = "".join(p.read_text() for p in texts)
found = set()
for page in (root / "target/doc/status_core").rglob("*.html"):
    for text in re.findall(r"\[<code>(.*?)</code>\]", page.read_text()):
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
        # Only a bracketed name with no link target after it: `[`x`](url)` is linked.
        if re.search(re.escape(f"[`{text}`]") + r"(?![(\[])", sources):
            found.add((text, str(page.relative_to(root))))
for text, page in sorted(found):
    print(f"[`{text}`] is not a link in {page}")
sys.exit(1 if found else 0)
