"""Checks application/problem+xml documents against RFC 9457 Appendix B, for tests/problem_xml.rs.

Usage: python3 tests/problem_xml.py SCHEMA.rnc DIR

SCHEMA.rnc is the RFC's RELAX NG schema in the compact syntax (tests/problem.rnc); rnc2rng
turns it into the XML syntax, and lxml (libxml2) validates with it. DIR holds pairs of files:
NAME.xml, a document as the library wrote it, and NAME.json, the application/problem+json body
of the same problem. Each document must be valid, and read back by the rules of Appendix B (an
element of elements is an object, an element of `i` elements an array, anything else text)
must say what the JSON body says, as text: a number as the JSON writes it, a boolean as `true`
or `false`; `null`, `[]` and `{}` as an empty element; what XML 1.0 cannot hold as U+FFFD; a
member whose name is not an XML name left out (each as the library documents it).

Needs `pip install lxml rnc2rng`. Prints one line per failure and a count; exits 1 if any
document fails, or if the schema does not reject the documents it must (a check of the check).
"""

import json
import os
import re
import sys

import rnc2rng
from lxml import etree

NS = "urn:ietf:rfc:7807"
# What `Problem::to_xml` can write as an element's name: an ASCII NCName that does not start
# with `xml` in any case.
XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
# Characters XML 1.0 cannot hold, which the library writes as U+FFFD.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Documents the schema must reject: without these failing, a pass would prove nothing. (Only
# what its letter forbids: since `anyNsElement` takes any element of the namespace, a
# `<status>0</status>` is valid by it, though libxml2 happens to reject one.)
MUST_FAIL = {
    "a root of another name": '<problem-details xmlns="urn:ietf:rfc:7807"/>',
    "a root in no namespace": "<problem><title>x</title></problem>",
    "a member in no namespace": '<problem xmlns="urn:ietf:rfc:7807"><code xmlns="">x</code></problem>',
    "a member of another namespace": (
        '<problem xmlns="urn:ietf:rfc:7807" xmlns:o="urn:other"><o:code>x</o:code></problem>'
    ),
    "a nested element in no namespace": (
        '<problem xmlns="urn:ietf:rfc:7807"><a><b xmlns="">1</b></a></problem>'
    ),
    "text beside elements": '<problem xmlns="urn:ietf:rfc:7807"><a>x<i>1</i></a></problem>',
}


def schema(path):
    rng = rnc2rng.dumps(rnc2rng.load(path))
    return etree.RelaxNG(etree.fromstring(rng.encode("utf-8")))


def is_xml_name(name):
    return bool(XML_NAME.match(name)) and not name[:3].lower() == "xml"


def expected(value):
    """A JSON value as Appendix B's XML gives it back: text, a list, or a dict."""
    if value is None or value is True or value is False:
        return "" if value is None else ("true" if value else "false")
    if isinstance(value, str):
        return NOT_XML.sub("\ufffd", value)
    if isinstance(value, list):
        return [expected(item) for item in value] if value else ""
    members = {name: expected(item) for name, item in value.items() if is_xml_name(name)}
    return members if members else ""


def read(element, where):
    """An element as Appendix B reads it: its text, its `i` children, or its members."""
    children = list(element)
    for child in children:
        if not isinstance(child.tag, str):
            raise ValueError(f"{where}: a comment or processing instruction")
        if etree.QName(child).namespace != NS:
            raise ValueError(f"{where}: {child.tag} is outside {NS}")
    if not children:
        return element.text or ""
    if (element.text or "").strip() or any((c.tail or "").strip() for c in children):
        raise ValueError(f"{where}: text beside elements")
    names = [etree.QName(c).localname for c in children]
    if all(name == "i" for name in names):
        return [read(c, f"{where}/i[{n}]") for n, c in enumerate(children)]
    if len(set(names)) != len(names):
        raise ValueError(f"{where}: a member twice in {names}")
    return {name: read(c, f"{where}/{name}") for name, c in zip(names, children)}


def check(relaxng, xml_path, json_path):
    """The failures of one document, as lines."""
    with open(xml_path, "rb") as f:
        raw = f.read()
    if not raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>'):
        return [f"{xml_path}: no XML declaration of UTF-8"]
    try:
        document = etree.fromstring(raw)
    except etree.XMLSyntaxError as error:
        return [f"{xml_path}: not well-formed: {error}"]
    if not relaxng.validate(document):
        return [f"{xml_path}: invalid: {e.message} (line {e.line})" for e in relaxng.error_log]
    if document.tag != f"{{{NS}}}problem":
        return [f"{xml_path}: the root is {document.tag}"]
    with open(json_path, "rb") as f:
        # A number as the text the body has it in, as the XML writes it.
        body = json.loads(f.read(), parse_int=str, parse_float=str)
    try:
        seen = read(document, "/problem")
    except ValueError as error:
        return [f"{xml_path}: {error}"]
    if seen == "":
        seen = {}
    want = expected(body)
    if want == "":
        want = {}
    if seen != want:
        return [
            f"{xml_path}: says something else than its JSON body",
            f"  XML:  {json.dumps(seen, sort_keys=True, ensure_ascii=False)}",
            f"  JSON: {json.dumps(want, sort_keys=True, ensure_ascii=False)}",
        ]
    return []


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    relaxng = schema(sys.argv[1])
    failures = []
    for what, text in MUST_FAIL.items():
        if relaxng.validate(etree.fromstring(text.encode("utf-8"))):
            failures.append([f"the schema takes {what}: {text}"])
    directory = sys.argv[2]
    names = sorted(n[: -len(".xml")] for n in os.listdir(directory) if n.endswith(".xml"))
    for name in names:
        json_path = os.path.join(directory, name + ".json")
        if not os.path.exists(json_path):
            failures.append([f"{name}.xml has no {name}.json beside it"])
            continue
        failures.append(check(relaxng, os.path.join(directory, name + ".xml"), json_path))
    failures = [lines for lines in failures if lines]
    for lines in failures:
        print("\n".join(lines))
    print(f"{len(names)} documents checked, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
