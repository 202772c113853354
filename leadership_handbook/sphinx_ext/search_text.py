"""Each page's prose as small JSON files beside the site, for the search page's snippets (static/lh-search-page.js):
read without parsing the page's HTML in the browser, and mostly a sixth of its size (2-3 KB gzip, not 15-18).

The page's article is plain text, with a space where one block ends and the next begins (so a table's cells do not
run together). ``_search_text/<page>.json`` holds its first HEAD characters, its whole length, and where each section's
and glossary term's text lies in it: ``{"text": "...", "length": n, "anchors": {"<id>": [[start, end], ...]}}`` (a
term's ranges are its term and its definition). ``<page>.rest.json`` holds the rest, ``{"text": "..."}``, fetched
only when a snippet lies beyond the first part."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

FOLDER = "_search_text"
HEAD = 4000  # characters: where most searches' first match lies (for "evaluation", 3 of the 4 results a phone shows)
# Elements whose start and end are not a break between words (everything else is)
INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr".split()
)
VOID = frozenset("area base br col embed hr img input link meta source track".split())
UNREAD = frozenset("script style template noscript".split())  # their text is not the page's prose
ANCHORED = frozenset({"section", "dt"})  # the ids a search result links to: sections and glossary terms


class ProseReader(HTMLParser):
    """The text of an HTML fragment, and where each section's and glossary term's text lies in it.

    The standard library's parser, not a DOM: only the text and the ranges are needed, in one pass."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.space = False  # a space is owed before the next word
        self.open: list[dict] = []  # the elements not yet closed, innermost last
        self.anchors: dict[str, list[list[int]]] = {}
        self.term = None  # the id of a glossary term just closed, whose definition may follow

    @property
    def unread(self) -> bool:
        return any(element["unread"] for element in self.open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in INLINE:
            self.space = True
        if tag in VOID:
            return
        element = {"tag": tag, "id": None, "start": self.length + (1 if self.space and self.length else 0)}
        element["unread"] = tag in UNREAD or "headerlink" in (attributes.get("class") or "").split()
        if tag in ANCHORED and attributes.get("id"):
            element["id"] = attributes["id"]
        elif tag == "dd" and self.term:
            element["id"] = self.term  # the definition of the term just closed: a second range of the term's
        self.term = None
        self.open.append(element)

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.space = True
        names = [element["tag"] for element in self.open]
        if tag not in names:
            return  # a stray end tag
        while self.open:  # closes what HTML lets a page leave open (a <p> or <li> without its end tag)
            element = self.open.pop()
            if element["id"] and not element["unread"]:
                self.anchors.setdefault(element["id"], []).append([element["start"], self.length])
                self.term = element["id"] if element["tag"] == "dt" else None
            if element["tag"] == tag:
                break

    def handle_data(self, data):
        if self.unread:
            return
        words = re.sub(r"\s+", " ", data)
        if words.startswith(" "):
            self.space = True
        words = words.strip(" ")
        if not words:
            return
        if self.space and self.length:
            self.parts.append(" ")
            self.length += 1
        self.parts.append(words)
        self.length += len(words)
        self.space = data[-1].isspace()

    def result(self) -> dict:
        return {"text": "".join(self.parts), "anchors": self.anchors}


def prose(html: str) -> dict:
    """``{"text": ..., "anchors": {id: [[start, end], ...]}}`` of an article's HTML."""
    reader = ProseReader()
    reader.feed(html)
    reader.close()
    return reader.result()


def write_search_text(app, pagename, templatename, context, doctree):
    if doctree is None or not context.get("body") or app.builder.format != "html":
        return  # the index, the search page and redirects have no prose of their own
    found = prose(context["body"])
    text = found["text"]
    parts = {"json": {"text": text[:HEAD], "length": len(text), "anchors": found["anchors"]}}
    if len(text) > HEAD:
        parts["rest.json"] = {"text": text[HEAD:]}
    for suffix, content in parts.items():
        path = Path(app.outdir) / FOLDER / f"{pagename}.{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), "utf-8")


def setup_search_text(app):
    app.connect("html-page-context", write_search_text, priority=990)  # after the handlers that change the body
