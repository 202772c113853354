"""Fixes to what the default Jupyter Book 1 stack puts on every page.

- The site has no kernel (no Thebe), so sphinx-thebe's scripts are dropped, and any script the stack emits
  twice is emitted once: this ends the ``THEBE_JS_URL has already been declared`` error on every page. Its
  kernel settings at the end of each page's body (two inline scripts) go too.
- Every extension's styles and scripts are added to every page: a page keeps only those its content uses.
- The theme logs a console error when no colour mode is set ("Got invalid theme mode"): default to auto.
- Browsers ask for /favicon.ico when a page names no icon: name our own, so no request fails.
- On wide screens the theme shows a top bar holding only a second search button: ``lh-site.css`` hides it.
- The theme's sidebar title sits outside any landmark (axe "region"): our template puts it in a <nav>.
- Checklist boxes (MyST task lists) have no accessible name: each is named by its item's text.
- A page's own description (front matter ``og:description``) is also its <meta name="description">, in place
  of the text sphinxext-opengraph takes from the page's first lines; the index and search pages, which have no
  source, get one of their own (search engines show it).
- docutils marks bibliography entries with the deprecated role doc-biblioentry inside a role="list":
  they become list items.
- myst-nb's hidden code cells put two <p> ("Show/Hide code cell source") in a <summary>, which allows only
  phrasing content: they become <span>s (lh-site.css styles them as myst-nb styles the <p>s).
- sphinx-external-toc writes the root index.html (the redirect to the first page) as a bare <meta>, with no
  doctype or title: we write a valid page (templates/lh-redirect.html) before it would.
- An exercise page's "Run it as a notebook" section (CONTRIBUTING, exercise notebooks) is for analysts: it
  shows closed, in a <details> whose summary is its heading, and the "On this page" menu lists it without its
  own headings (which name the worked example's parts, not the reader's).
- A page with an in-page exercise also loads ``lh-exercise-page.js`` ("Print my results" prints that form alone;
  results tables scroll in their own box).
- No script blocks the first paint: every script file the stack puts in the <head> is deferred (run in order once
  the page is parsed), and the inline ``DOCUMENTATION_OPTIONS.…`` lines, which need documentation_options.js, become
  inline modules, which run in that same order; togglebutton's settings go where togglebutton.js does. The search
  page's search scripts (templates/search.html) are deferred after them.
"""

import html
import re
from pathlib import Path

from leadership_handbook.sphinx_ext.content_security import policy

PACKAGE = Path(__file__).resolve().parent.parent
FAVICON = PACKAGE / "static" / "lh-favicon.svg"
TEMPLATES = PACKAGE / "templates"

THEBE_MARKERS = ("THEBE_JS_URL", "sphinx-thebe.js", "thebe@")


# Assets an extension adds to every page, and the mark in a page's body that shows the page uses them
# (None: never used in this book, such as Thebe's styles).
ASSET_USED_WHEN = {
    "sphinx-thebe.css": None,
    "sphinx-design.min.css": " sd-",
    "design-tabs.js": "sd-tab",
    "pygments.css": 'class="highlight',
    "copybutton.css": 'class="highlight',
    "copybutton.js": 'class="highlight',
    "clipboard.min.js": 'class="highlight',
    "togglebutton.css": "toggle",
    "togglebutton.js": "toggle",
}


def _asset_name(asset):
    return ((getattr(asset, "filename", asset) or "").split("?")[0]).rsplit("/", 1)[-1]


def used_assets(assets, body: str):
    """The page's assets less those it has no use for."""
    kept = []
    for asset in assets:
        name = _asset_name(asset)
        if name.startswith("mystnb.") and name.endswith(".css"):
            marker = "cell_output"
        elif name in ASSET_USED_WHEN:
            marker = ASSET_USED_WHEN[name]
        else:
            kept.append(asset)
            continue
        if marker is not None and marker in body:
            kept.append(asset)
    return kept


def _script_key(script):
    filename = getattr(script, "filename", script)
    attributes = getattr(script, "attributes", {}) or {}
    return (filename, attributes.get("body", ""))


def _is_thebe(script):
    filename, body = _script_key(script)
    return any(marker in (filename or "") or marker in body for marker in THEBE_MARKERS)


def clean_script_files(script_files):
    """Return the page's scripts without Thebe's and without repeats, in their original order."""
    seen, kept = set(), []
    for script in script_files:
        key = _script_key(script)
        if key in seen or _is_thebe(script):
            continue
        seen.add(key)
        kept.append(script)
    return kept


TASK_CHECKBOX = re.compile(r'(<input class="task-list-item-checkbox"[^>]*?)(\s*/?>)(.*?)(?=</p>|</li>)', re.S)
TAG = re.compile(r"<[^>]+>")


def _name_checkbox(match):
    label = " ".join(html.unescape(TAG.sub("", match.group(3))).split())[:200]
    return f'{match.group(1)} aria-label="{html.escape(label, quote=True)}"{match.group(2)}{match.group(3)}'


SUMMARY = re.compile(r"(<summary\b[^>]*>)(.*?)(</summary>)", re.S)
PARAGRAPH_TAG = re.compile(r"<(/?)p\b")
# sphinx-thebe's kernel settings, appended to every page's body: a data block and one inline script.
THEBE_BODY_SCRIPTS = re.compile(
    r"""\s*<script type="text/x-thebe-config">.*?</script>|\s*<script>kernelName = '[^'<]*'</script>""", re.S
)


def _summary_with_spans(match):
    return match.group(1) + PARAGRAPH_TAG.sub(r"<\1span", match.group(2)) + match.group(3)


def fix_body_html(body: str) -> str:
    """Accessible names for checklist boxes, valid roles for bibliography entries, no <p> in a <summary>, no
    Thebe settings, and the notebook section closed."""
    body = TASK_CHECKBOX.sub(_name_checkbox, body)
    body = SUMMARY.sub(_summary_with_spans, body)
    body = THEBE_BODY_SCRIPTS.sub("", body)
    body = close_notebook_section(body)
    return body.replace(' role="doc-biblioentry"', ' role="listitem"')


NOTEBOOK_SECTION_ID = "run-it-as-a-notebook"
NOTEBOOK_SUMMARY_NOTE = "(for analysts: the code and a worked example)"
NOTEBOOK_SECTION = re.compile(r'<section id="' + NOTEBOOK_SECTION_ID + r'"[^>]*>\s*<h2>(.*?)</h2>', re.S)
SECTION_TAG = re.compile(r"<(/?)section\b[^>]*>")
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def _section_end(body: str, start: int) -> int:
    """Where the <section> opened at ``start`` closes (the index of its ``</section>``), or -1."""
    depth = 0
    for tag in SECTION_TAG.finditer(body, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return -1


def close_notebook_section(body: str) -> str:
    """The "Run it as a notebook" section's content inside a closed <details>; its h2 becomes the summary."""
    match = NOTEBOOK_SECTION.search(body)
    if not match:
        return body
    end = _section_end(body, match.start())
    if end < 0:
        return body
    title = HEADERLINK.sub("", match.group(1)).strip()
    opening = body[match.start() : match.start(1) - len("<h2>")].rstrip()
    summary = f'<summary><h2>{title} <span class="lh-notebook-note">{NOTEBOOK_SUMMARY_NOTE}</span></h2></summary>'
    inner = body[match.end() : end]
    details = f'{opening}\n<details class="lh-notebook">{summary}{inner}</details>\n'
    return body[: match.start()] + details + body[end:]


NOTEBOOK_TOC_ENTRY = re.compile(
    r'(<a class="reference internal" href="#' + NOTEBOOK_SECTION_ID + r'"[^>]*>.*?</a>)\s*<ul\b[^>]*>', re.S
)


def toc_without_notebook_headings(toc: str) -> str:
    """The page's contents with the notebook section listed alone, its sub-headings left out."""
    match = NOTEBOOK_TOC_ENTRY.search(toc)
    if not match:
        return toc
    depth, at = 0, match.end(1)
    for tag in re.finditer(r"<(/?)ul\b[^>]*>", toc[at:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return toc[: match.end(1)] + toc[at + tag.end() :]
    return toc


META_DESCRIPTION = re.compile(r'<meta name="description" content="[^"]*"\s*/?>')


# Pages Sphinx writes with no source (so no description of their own): what a search result should say of them.
GENERATED_PAGE_DESCRIPTIONS = {
    "genindex": "The handbook's index: every glossary term from A to Z, each linked to its definition.",
    "search": "Search the whole handbook: its chapters, exercises, glossary, session plans and answer keys.",
}


def _use_page_description(app, pagename, context):
    description = (app.env.metadata.get(pagename) or {}).get("og:description")
    if description and "metatags" in context:
        tag = f'<meta name="description" content="{html.escape(description, quote=True)}" />'
        context["metatags"] = META_DESCRIPTION.sub(lambda _: tag, context["metatags"])
    elif pagename in GENERATED_PAGE_DESCRIPTIONS and not META_DESCRIPTION.search(context.get("metatags", "")):
        description = html.escape(GENERATED_PAGE_DESCRIPTIONS[pagename], quote=True)
        context["metatags"] = context.get("metatags", "") + f'<meta name="description" content="{description}" />\n'


EXERCISE_PAGE_SCRIPT = "lh-exercise-page.js"


def _on_html_page_context(app, pagename, templatename, context, doctree):
    app.add_css_file("lh-site.css")
    if "data-lh-kind=" in (context.get("body") or ""):
        app.add_js_file(EXERCISE_PAGE_SCRIPT, priority=700, defer="defer")  # after lh-core.js and the kinds
    _use_page_description(app, pagename, context)
    if "script_files" in context:
        context["script_files"][:] = clean_script_files(context["script_files"])
    if context.get("body"):
        context["body"] = fix_body_html(context["body"])
    body = context.get("body") or ""
    for key in ("script_files", "css_files"):
        if key in context:
            context[key][:] = used_assets(context[key], body)


# Inline settings that only togglebutton.js reads (sphinx-togglebutton adds them to every page).
TOGGLEBUTTON_SETTINGS = ("toggleHint", "toggleOpenOnPrint", "togglebuttonSelector")


def deferred_scripts(script_files):
    """The page's scripts, none of them blocking the parser: files deferred, and the inline lines that set
    DOCUMENTATION_OPTIONS (defined by the then deferred documentation_options.js) made modules, since an inline
    module waits in the same queue as deferred files, in document order. Inline settings of a script the page does
    not load are dropped, and an inline script that repeats one is dropped."""
    from sphinx.builders.html._assets import _JavaScript

    names = {_asset_name(script) for script in script_files}
    kept, seen_bodies = [], set()
    for script in script_files:
        if not isinstance(script, _JavaScript):
            script = _JavaScript(script)
        attributes = dict(script.attributes)
        body = attributes.get("body", "")
        if script.filename:
            if "async" not in attributes and attributes.get("type", "") != "module":
                attributes["defer"] = "defer"
        else:
            if body in seen_bodies or (body.lstrip().startswith(("let ", "var ")) and _sets_toggle(body, names)):
                continue
            seen_bodies.add(body)
            if body.lstrip().startswith("DOCUMENTATION_OPTIONS."):
                attributes["type"] = "module"
        kept.append(_JavaScript(script.filename, priority=script.priority, **attributes))
    return kept


def _sets_toggle(body, names):
    return "togglebutton.js" not in names and any(setting in body for setting in TOGGLEBUTTON_SETTINGS)


def _defer_page_scripts(app, pagename, templatename, context, doctree):
    if "script_files" in context:  # the search page's own scripts come after these, deferred (templates/search.html)
        context["script_files"][:] = deferred_scripts(context["script_files"])


def _fix_page_toc(app, pagename, templatename, context, doctree):
    if context.get("toc"):
        context["toc"] = toc_without_notebook_headings(context["toc"])


def _on_config_inited(app, config):
    config.html_context.setdefault("default_mode", "auto")
    if not config.html_favicon:
        config.html_favicon = str(FAVICON)
    config.templates_path.insert(0, str(TEMPLATES))
    config.html_static_path.append(str(PACKAGE / "static"))  # our scripts, styles and favicon


def _write_root_redirect(app, exception):
    """The root index.html that sends the reader to the first page, as a valid HTML document."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    if "index" in app.env.found_docs:  # the book has its own index page
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    page = app.builder.templates.render(
        "lh-redirect.html",
        {
            "language": app.config.language or "en",
            "title": app.config.html_title or app.config.project,
            "target": target,
            "content_security_policy": policy(),
        },
    )
    index = Path(app.outdir) / "index.html"
    if not index.exists() or index.read_text(encoding="utf-8") != page:
        index.write_text(page, encoding="utf-8")


def setup_page_fixes(app):
    app.connect("config-inited", _on_config_inited)
    # Before sphinx-external-toc's own (priority 500), which writes the redirect only where index.html is missing.
    app.connect("build-finished", _write_root_redirect, priority=400)
    # Run after the themes and extensions that add scripts to the context.
    app.connect("html-page-context", _on_html_page_context, priority=900)
    app.connect("html-page-context", _defer_page_scripts, priority=950)  # after every handler that adds one
    # Before the theme's handlers (priority 500), which read the page's contents once and keep them.
    app.connect("html-page-context", _fix_page_toc, priority=400)
