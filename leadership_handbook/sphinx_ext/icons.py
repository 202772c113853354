"""The theme's icons as one small stylesheet instead of fontawesome.js (1.5 MB on every page).

The theme's pages use a handful of Font Awesome Free icons (CC BY 4.0) as ``<i class="fa-solid fa-bars">``
(or a ``<span>``).
At build time we take just those icons' paths from the theme's own copy of fontawesome.js and write them
as CSS masks; the script itself is no longer loaded.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pydata_sphinx_theme

FONTAWESOME_JS = (
    Path(pydata_sphinx_theme.__file__).parent
    / "theme"
    / "pydata_sphinx_theme"
    / "static"
    / "scripts"
    / "fontawesome.js"
)
PACK = re.compile(r'var p=\{(.*?)\};.*?d\("(fab|far|fas)",p\)', re.S)
ICON = re.compile(r'(?:"([a-z0-9-]+)"|\b([a-z][a-z0-9]*)):\[(\d+),(\d+),\[[^\]]*\],"([0-9a-f]+)","(M[^"]+)"\]')
# The theme's own stylesheet draws some icons as glyphs too (admonition titles, download links):
# `--pst-icon-NAME:"<glyph>"` or `var(--pst-icon-OTHER)`, used as `content:var(--pst-icon-NAME)`.
ICON_VARIABLE = re.compile(r'--pst-icon-([a-z-]+):(?:"([^"]*)"|var\(--pst-icon-([a-z-]+)\))')
CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
GLYPH_CONTENT = re.compile(r"content:var\(--pst-icon-([a-z-]+)\)")
ICON_CLASS = re.compile(r"\bfa-(?!solid\b|regular\b|brands\b|lg\b|xs\b|sm\b|fw\b)([a-z0-9-]+)")
STYLESHEET = "lh-icons.css"


def icon_paths(script: str) -> dict[str, dict[str, tuple[int, int, str]]]:
    """{pack: {name: (width, height, path)}} for each pack of a fontawesome.js, and {pack + ":unicode":
    {hex code point: (width, height, path)}} to find an icon by its glyph."""
    packs: dict[str, dict] = {}
    for match in PACK.finditer(script):
        icons = packs.setdefault(match.group(2), {})
        glyphs = packs.setdefault(match.group(2) + ":unicode", {})
        for icon in ICON.finditer(match.group(1)):
            name = icon.group(1) or icon.group(2)
            icons[name] = glyphs[icon.group(5)] = (int(icon.group(3)), int(icon.group(4)), icon.group(6))
    return packs


def _mask(width: int, height: int, path: str) -> str:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"><path d="{path}"/></svg>'
    return f'url("data:image/svg+xml,{quote(svg)}")'


def icons_css(names: set[str], packs: dict) -> str:
    rules = [
        "/* Font Awesome Free icons (CC BY 4.0, fontawesome.com), as CSS masks. */",
        ".fa-solid, .fa-regular, .fa-brands, .fas, .far, .fab { display: inline-block; width: 1.15em; "
        "height: 1em; vertical-align: -0.125em; background-color: currentColor; "
        "-webkit-mask: var(--lh-icon) center / contain no-repeat; mask: var(--lh-icon) center / contain no-repeat; }",
        ".fa-lg { font-size: 1.25em; }",
        # The theme's stylesheet would also draw each icon as a glyph of the Font Awesome web fonts (268 KB).
        ".fa-solid::before, .fa-regular::before, .fa-brands::before, .fas::before, .far::before, "
        ".fab::before { content: none !important; }",
    ]
    for name in sorted(names):
        found = packs.get("fas", {}).get(name) or packs.get("fab", {}).get(name) or packs.get("far", {}).get(name)
        if not found:
            continue
        rules.append(f".fa-{name} {{ --lh-icon: {_mask(*found)}; }}")
    return "\n".join(rules) + "\n"


def glyph_icons_css(theme_css: str, packs: dict) -> str:
    """Masks in place of the glyphs the theme's stylesheet draws with the icon font (admonition titles,
    download links), so that no page needs the 150 KB font."""
    values, aliases = {}, {}
    for name, glyph, alias in ICON_VARIABLE.findall(theme_css):
        if glyph:
            values[name] = glyph
        else:
            aliases[name] = alias
    rules = []
    for selector, body in CSS_RULE.findall(theme_css):
        content = GLYPH_CONTENT.search(body)
        if not content:
            continue
        name = content.group(1)
        while name in aliases:
            name = aliases[name]
        glyph = values.get(name, "")
        code = f"{ord(glyph):x}" if len(glyph) == 1 else ""
        found = packs.get("fas:unicode", {}).get(code) or packs.get("fab:unicode", {}).get(code)
        if not found:
            continue
        rules.append(
            f'{selector.strip()} {{ --lh-icon: {_mask(*found)}; content: "" !important; '
            "font-family: inherit !important; display: inline-block; width: 1em; height: 1em; "
            "background-color: currentColor; "
            "-webkit-mask: var(--lh-icon) center / contain no-repeat; "
            "mask: var(--lh-icon) center / contain no-repeat; }"
        )
    return "\n".join(rules) + "\n"


def _drop_fontawesome(app, pagename, templatename, context, doctree):
    if "script_files" in context:
        context["script_files"][:] = [
            s for s in context["script_files"] if "fontawesome.js" not in (getattr(s, "filename", "") or "")
        ]
    app.add_css_file(STYLESHEET)


def _write_stylesheet(app, exception):
    if exception or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    names = set()
    for page in outdir.rglob("*.html"):
        names |= set(ICON_CLASS.findall(page.read_text(encoding="utf-8", errors="replace")))
    packs = icon_paths(FONTAWESOME_JS.read_text(encoding="utf-8"))
    theme_css = (outdir / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    (outdir / "_static" / STYLESHEET).write_text(
        icons_css(names, packs) + glyph_icons_css(theme_css, packs), encoding="utf-8"
    )


def setup_icons(app):
    app.connect("html-page-context", _drop_fontawesome)
    app.connect("build-finished", _write_stylesheet)
