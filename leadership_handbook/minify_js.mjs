// Minify the site's own scripts and stylesheet bundles in place with esbuild (pinned in package.json): names a
// page or another script uses (top-level functions and globals) are kept, since nothing is bundled, and so are
// licence comments (/*! ... */). Called by minify_js.py.
// usage: node minify_js.mjs HTML_DIR FILE...   (files relative to HTML_DIR, .js or .css)
import fs from "node:fs";
import path from "node:path";
import { transform } from "esbuild";

// Browsers the handbook supports; esbuild writes no syntax newer than these understand.
const TARGETS = { ".js": ["es2022"], ".css": ["chrome90", "firefox90", "safari14", "edge90"] };
const [site, ...files] = process.argv.slice(2);
const sizes = [];
for (const file of files) {
  const full = path.join(site, file);
  const source = fs.readFileSync(full, "utf8");
  const loader = path.extname(file).slice(1);
  const options = { loader, minify: true, target: TARGETS[path.extname(file)], legalComments: "inline" };
  const result = await transform(source, options);
  fs.writeFileSync(full, result.code);
  sizes.push({ file, before: Buffer.byteLength(source), after: Buffer.byteLength(result.code) });
}
process.stdout.write(JSON.stringify(sizes));
