#!/usr/bin/env bash
# Seeds the `derive` corpus with every item deriving `ApiStatus` in the trybuild cases
# (tests/ui/{pass,fail}/*.rs). The target parses a `syn::DeriveInput`, so each seed is one
# item's text: its doc comments and attributes, `enum`/`struct`, through its closing brace
# or semicolon (no `use` lines, no `fn main`).
# Usage: bash fuzz/seed.sh [CORPUS_DIR]  (default: fuzz/corpus/derive), from any directory.
set -euo pipefail
fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$fuzz_dir")"
out="${1:-$fuzz_dir/corpus/derive}"
python3 - "$out" "$root"/tests/ui/pass/*.rs "$root"/tests/ui/fail/*.rs <<'PYTHON'
import hashlib
import os
import re
import sys

DERIVE = re.compile(r"#\[derive\([^)]*\bApiStatus\b[^)]*\)\]")


def item_end(text, start):
    """The index just past the item that starts at `start`: its `;` or its closing `}` at
    depth 0, skipping strings, character literals and comments."""
    depth = 0
    i = start
    seen_keyword = False
    while i < len(text):
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            if i < 0:
                return len(text)
            continue
        if text.startswith("/*", i):
            i = text.find("*/", i) + 2
            continue
        raw = re.match(r'r(#*)"', text[i:])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            close = '"' + raw.group(1)
            i = text.find(close, i + len(raw.group(0))) + len(close)
            continue
        if c == '"':
            i += 1
            while text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
            continue
        if c == "'" and re.match(r"'(\\.|[^\\'])'", text[i:]):
            i = text.index("'", i + 2 if text[i + 1] != "\\" else i + 3) + 1
            continue
        if not seen_keyword and re.match(r"\b(enum|struct|union)\b", text[i:]):
            seen_keyword = True
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0 and c == "}" and seen_keyword:
                return i + 1
        elif c == ";" and depth == 0 and seen_keyword:
            return i + 1
        i += 1
    return len(text)


def items(text):
    for match in DERIVE.finditer(text):
        # Take the doc comments and attributes on the lines just above the derive too.
        start = text.rfind("\n", 0, match.start()) + 1
        while start > 0:
            above = text.rfind("\n", 0, start - 1) + 1
            line = text[above:start].strip()
            if line.startswith("///") or line.startswith("#["):
                start = above
            else:
                break
        yield text[start : item_end(text, match.end())]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    count = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for item in items(text):
            data = item.encode()
            name = "seed-" + hashlib.sha1(data).hexdigest()
            with open(os.path.join(out, name), "wb") as f:
                f.write(data)
            count += 1
    print(f"seed.sh: {count} items into {out}")


main()
PYTHON
