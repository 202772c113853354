// Ship only the CSS rules the built pages can use: PurgeCSS over the theme's and extensions' stylesheets, against
// every built page and every script the pages load (classes that scripts add appear in them as strings), and
// without the custom properties nothing uses. Called by purge_css.py.
// usage: node purge_css.mjs HTML_DIR OPTIONS_JSON CSS_FILE...   (CSS files relative to HTML_DIR, rewritten in
// place; OPTIONS_JSON holds {"scripts": [the loaded scripts], "variables": [custom properties used elsewhere]})
import fs from "node:fs";
import path from "node:path";
import { PurgeCSS } from "purgecss";

const [site, optionsFile, ...sheets] = process.argv.slice(2);
const keep = JSON.parse(fs.readFileSync(optionsFile, "utf8"));
const results = await new PurgeCSS().purge({
  content: [path.join(site, "**/*.html"), ...keep.scripts.map((script) => path.join(site, script))],
  css: sheets.map((sheet) => path.join(site, sheet)),
  // Attribute selectors whose values only scripts set: the colour mode, and the states of menus and dialogs.
  dynamicAttributes: ["data-theme", "data-mode", "aria-expanded", "aria-hidden", "aria-current", "open"],
  // A selector that is only a pseudo-class (the theme's focus ring is `:focus-visible`) names nothing a page
  // holds, so PurgeCSS would drop it; keep those.
  safelist: { standard: [/^:/], variables: keep.variables },
  variables: true,
});
const sizes = results.map((result) => {
  const before = fs.statSync(result.file).size;
  fs.writeFileSync(result.file, result.css);
  return { file: path.relative(site, result.file), before, after: Buffer.byteLength(result.css) };
});
process.stdout.write(JSON.stringify(sizes));
