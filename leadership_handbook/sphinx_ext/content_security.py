"""A Content-Security-Policy on every page, as a ``<meta http-equiv>`` that any static host serves.

Scripts, styles, fonts and images come from the site itself only; no 'unsafe-eval', no 'unsafe-inline'. The few
inline scripts and styles that Sphinx and the theme put in a page's ``<head>`` are allowed by their SHA-256
hashes, computed from the written page when the build has finished, so no list of them is kept by hand. An
inline script, style, event handler or ``javascript:`` URL anywhere else (a page's content: a notebook output,
a raw block, text from an instrument file) is never hashed, so the browser refuses it; the build warns about it.

Images also allow ``data:`` URLs: the icon stylesheet (lh-icons.css) and the theme's stylesheets draw icons as
SVG inside ``url(data:...)``, which the browser loads as an image, and an image cannot run script.

The templates (layout.html, lh-redirect.html) write the meta with :func:`policy` without hashes, so a page is
protected even before its hashes are added. The theme's header buttons that ran an onclick attribute (print,
full screen) are drawn without one by our article-header-buttons.html, and lh-header-buttons.js runs them.
"""

from __future__ import annotations

import base64
import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.util import logging

from leadership_handbook.site_check import html_pages

logger = logging.getLogger(__name__)

# Directive -> sources. No frame-ancestors, report-uri or sandbox: a policy in a <meta> may not carry them.
DIRECTIVES = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),  # Sphinx's search fetches the pages it lists, to show a line of each
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
# The policy's <meta> as layout.html and lh-redirect.html write it; its content is rewritten in place.
POLICY_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
# Script types the browser runs (the HTML standard's JavaScript MIME types, modules, import maps); any other
# type, such as application/json, is a data block the policy does not govern.
RUNNABLE_SCRIPT_TYPES = {
    "",
    "module",
    "importmap",
    "speculationrules",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}


def source_hash(text: str) -> str:
    """The CSP source that allows one inline script or style: 'sha256-<base64 of its text's digest>'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes=(), style_hashes=()) -> str:
    """The policy's text, with the given hash sources added to script-src and style-src (repeats dropped)."""
    extra = {"script-src": tuple(script_hashes), "style-src": tuple(style_hashes)}
    parts = []
    for directive, sources in DIRECTIVES.items():
        parts.append(" ".join([directive, *dict.fromkeys(sources + extra.get(directive, ()))]))
    return "; ".join(parts)


@dataclass
class InlineCode:
    """A page's inline scripts and styles: those in its <head> (allowed by hash) and those elsewhere (refused)."""

    head_scripts: list[str]
    head_styles: list[str]
    refused: list[str]  # what the browser will refuse, each described in a few words


def _is_runnable(script) -> bool:
    return not script.has_attr("src") and script.get("type", "").strip().lower() in RUNNABLE_SCRIPT_TYPES


def _snippet(text: str) -> str:
    return " ".join(text.split())[:80]


def inline_code(page_html: str) -> InlineCode:
    soup = BeautifulSoup(page_html, "html.parser")
    head = soup.head
    found = InlineCode([], [], [])
    for script in soup.find_all("script"):
        if not _is_runnable(script):
            continue
        if head is not None and head in script.parents:
            found.head_scripts.append(script.string or "")
        else:
            found.refused.append(f"inline script {_snippet(script.string or '')!r}")
    for style in soup.find_all("style"):
        if head is not None and head in style.parents:
            found.head_styles.append(style.string or "")
        else:
            found.refused.append(f"<style> element {_snippet(style.string or '')!r}")
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            if attribute.startswith("on"):
                found.refused.append(f"inline event handler <{tag.name} {attribute}={value!r}>")
            elif attribute == "style":
                found.refused.append(f"style attribute <{tag.name} style={value!r}>")
            elif attribute in ("href", "src", "action") and str(value).strip().lower().startswith("javascript:"):
                found.refused.append(f"javascript: URL <{tag.name} {attribute}={value!r}>")
    return found


class NoPolicyMeta(ValueError):
    """A page without the policy's <meta> (a template that does not extend layout.html)."""


def with_page_policy(page_html: str) -> tuple[str, list[str]]:
    """The page with its policy's hashes filled in, and what the policy will refuse on it."""
    if not POLICY_META.search(page_html):
        raise NoPolicyMeta('no <meta http-equiv="Content-Security-Policy"> in the page\'s <head>')
    code = inline_code(page_html)
    page_policy = policy(map(source_hash, code.head_scripts), map(source_hash, code.head_styles))
    fixed = POLICY_META.sub(lambda match: match.group(1) + page_policy + match.group(3), page_html, count=1)
    return fixed, code.refused


def _add_policy_to_context(app, pagename, templatename, context, doctree):
    context["content_security_policy"] = policy()
    app.add_js_file("lh-header-buttons.js", defer="defer")


def _add_hashes_to_pages(app, exception, started: float):
    """Fill in the hashes of each page written since ``started`` or still without them (a build that stopped
    early); warn (a failed strict build) about anything the policy refuses. The other pages, which an incremental
    build did not write, hold their hashes already."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    unhashed = f'content="{policy()}"'
    for path in html_pages(outdir):
        text = path.read_text(encoding="utf-8")
        if path.stat().st_mtime < started and unhashed not in text:
            continue
        name = path.relative_to(outdir).as_posix()
        try:
            fixed, refused = with_page_policy(text)
        except NoPolicyMeta as error:
            logger.warning("%s: %s; every page needs one", name, error, type="lh", subtype="csp")
            continue
        for what in refused:
            logger.warning(
                "%s: the Content-Security-Policy refuses this %s: only the page's <head> may hold inline code; "
                "load scripts and styles from files",
                name,
                what,
                type="lh",
                subtype="csp",
            )
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def setup_content_security(app):
    started = time.time() - 1  # a second early: file times and the clock may round differently
    app.connect("html-page-context", _add_policy_to_context)
    # After every other build-finished step that writes pages (the root redirect, the sitemap's, the theme's).
    app.connect("build-finished", lambda app, exception: _add_hashes_to_pages(app, exception, started), priority=900)
