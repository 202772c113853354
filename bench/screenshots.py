"""Screenshots of every page (desktop and phone, light and dark; exercise pages before and after answering; a
sample with the contents sidebar and the search dialog open) and of every PDF page, and a pixel-by-pixel
comparison of two such sets: the proof that a refactor changed nothing a reader sees.

usage: python bench/screenshots.py shoot SITE_DIR PDF_DIR OUT_DIR
       python bench/screenshots.py compare BEFORE_DIR AFTER_DIR
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

# Same pixels on every run: no animation mid-way, no blinking caret, the whole page.
STEADY = {"full_page": True, "animations": "disabled", "caret": "hide"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")  # the theme follows the reader's colour scheme by default
# Pages shot with the theme's menus open too: a chapter, an exercise, the search page and the home page.
OPENED_SAMPLE = ("book/does-it-work.html", "exercises/roi-calculator.html", "search.html", "book/intro.html")
OPENERS = {
    "sidebar": "() => { const b = [...document.querySelectorAll('.primary-toggle')].find(x => x.offsetParent);"
    " if (b) b.click(); return !!b; }",
    "search": "() => { const b = [...document.querySelectorAll('.search-button__button')].find(x => x.offsetParent);"
    " if (b) b.click(); return !!b; }",
}
# The header's menus (Bootstrap's dropdowns, or lh-header-buttons.js's where bootstrap.js is not loaded), opened.
for menu in ("download", "launch", "source"):
    OPENERS[f"{menu}-menu"] = (
        f"() => {{ const b = document.querySelector('.dropdown-{menu}-buttons .dropdown-toggle');"
        " if (b && b.offsetParent) b.click(); return !!(b && b.offsetParent); }"
    )

# A reader's answers, the same on every run: the n-th choice of each radio group and select, fixed text.
ANSWER_EVERYTHING = """() => {
  const forms = document.querySelectorAll('form.lh-form');
  forms.forEach(form => {
  const groups = {};
  form.querySelectorAll('input[type=radio]').forEach(r => (groups[r.name] = groups[r.name] || []).push(r));
  Object.values(groups).forEach((radios, i) => { radios[(i * 7 + 3) % radios.length].checked = true; });
  form.querySelectorAll('select').forEach((s, i) => {
    if (s.options.length > 1) s.selectedIndex = 1 + i % (s.options.length - 1);
  });
  form.querySelectorAll('textarea, input[type=text]').forEach((t, i) => {
    if (!t.value) t.value = 'Entry ' + (i + 1);
  });
  form.querySelectorAll('input[type=number]').forEach((t, i) => { if (!t.value) t.value = String(100 * (i + 1)); });
  form.querySelectorAll('input[type=checkbox]').forEach((c, i) => { c.checked = i % 2 === 0; });
  form.querySelectorAll('input, select, textarea').forEach(x => x.dispatchEvent(new Event('input', {bubbles: true})));
  form.dispatchEvent(new Event('change', {bubbles: true}));
  });
  document.querySelectorAll('button.lh-check').forEach(b => b.click());
  return forms.length;
}"""


def settle(page, address: str) -> None:
    page.goto(address)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)  # the theme's scroll-spy settles on the "On this page" entry


def shoot(site: Path, pdfs: Path, out: Path) -> None:
    from conftest import serve
    from playwright.sync_api import sync_playwright

    from leadership_handbook.browser import launch

    out.mkdir(parents=True, exist_ok=True)
    url, server = serve(site)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        for (name, viewport), scheme in ((v, s) for v in VIEWPORTS.items() for s in SCHEMES):
            context = chromium.new_context(viewport=viewport, device_scale_factor=1, color_scheme=scheme)
            page = context.new_page()
            shot = f"{name}.{scheme}" if scheme != "light" else name
            for path in pages:
                settle(page, url + path)
                stem = path.replace("/", "__").removesuffix(".html")
                page.screenshot(path=str(out / f"{stem}.{shot}.png"), **STEADY)
                if page.evaluate(ANSWER_EVERYTHING):
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(out / f"{stem}.{shot}.answered.png"), **STEADY)
                    page.evaluate("() => localStorage.clear()")
                if path in OPENED_SAMPLE:
                    for state, opener in OPENERS.items():
                        settle(page, url + path)
                        if page.evaluate(opener):
                            page.wait_for_timeout(1000)  # the drawer's and the dialog's transitions
                            page.screenshot(path=str(out / f"{stem}.{shot}.{state}.png"), animations="disabled")
            context.close()
        chromium.close()
    server.shutdown()
    for pdf in sorted(Path(pdfs).glob("*.pdf")):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / f"pdf__{pdf.stem}")], check=True)


def compare(before: Path, after: Path) -> int:
    from PIL import Image, ImageChops

    names = sorted({p.name for p in before.glob("*.png")} | {p.name for p in after.glob("*.png")})
    differ = []
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            differ.append((name, "only in " + ("after" if b.exists() else "before")))
            continue
        one, two = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
        if one.size != two.size:
            differ.append((name, f"size {one.size} -> {two.size}"))
            continue
        box = ImageChops.difference(one, two).getbbox()
        if box:
            changed = sum(1 for px in ImageChops.difference(one, two).crop(box).get_flattened_data() if px != (0, 0, 0))
            differ.append((name, f"{changed} pixels differ in {box}"))
    print(f"{len(names)} screenshots compared, {len(differ)} differ")
    for name, why in differ:
        print(f"  {name}: {why}")
    return 1 if differ else 0


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "shoot":
        shoot(*(Path(a) for a in args))
    elif command == "compare":
        sys.exit(compare(*(Path(a) for a in args)))
    else:
        sys.exit(__doc__)
