// The search page's changes to Sphinx's search (searchtools.js runs first), so that it paints at once and nothing
// on it moves as results arrive (lh-site.css keeps the space they need):
// - the index (searchindex.js, the largest file the page loads) runs once the page has loaded (the page's head
//   preloads it, templates/search.html);
// - the count of pages found is written as soon as it is known, above the list, not after the last result;
// - a result's snippet is fetched when the result comes into view, into a space of three lines kept for it, from
//   the page's prose the build wrote. Sphinx fetches every matching page whole at once (20 pages, 1.3 MB, for
//   "evaluation") and slots each snippet in when it arrives, pushing the results below it down.
(function () {
  "use strict";
  const root = new URL(document.documentElement.dataset.content_root || "./", window.location.href);
  const load = () => Search.loadIndex(new URL("searchindex.js", root).href); // searchtools.js's global
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load);

  const snippets = DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY;
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false; // searchtools.js reads it for each result; we fetch instead
  let searchTerms = new Set();
  let highlightTerms = [];
  const performSearch = Search._performSearch;
  Search._performSearch = (query, terms, excluded, highlight, objects) => {
    const results = performSearch(query, terms, excluded, highlight, objects);
    searchTerms = terms;
    highlightTerms = [...highlight];
    // Sphinx's own words, which it writes again (the same) when the last result is listed
    Search.status.innerText = results.length
      ? _("Search finished, found ${resultCount} page(s) matching the search query.").replace(
          "${resultCount}",
          results.length,
        )
      : _(
          "Your search did not match any documents. Please make sure that all words are spelled correctly " +
            "and that you've selected enough categories.",
        );
    return results;
  };
  if (!snippets) return;

  // The build writes each page's prose, and where each section and glossary term lies in it, as small JSON files
  // (sphinx_ext/search_text.py): the first part, and the rest, which is fetched only when the snippet lies in it.
  // Sphinx fetches the whole page and takes all of its [role=main], so a snippet opened on the header's buttons.
  const proseUrl = (link, part) => {
    const page = new URL(link.href);
    if (page.origin !== root.origin || !page.pathname.startsWith(root.pathname)) return null;
    const name = page.pathname.slice(root.pathname.length);
    return name.endsWith(".html") ? new URL("_search_text/" + name.replace(/\.html$/, part), root) : null;
  };
  const fetchText = (url) =>
    fetch(url)
      .then((response) => (response.ok ? response.json() : null))
      .then((part) => (part && typeof part.text === "string" ? part : null));
  // The section's text, or a glossary term's with its definition, or else the whole page's, as far as it is known
  const passage = (prose, anchor) => {
    const id = anchor ? decodeURIComponent(anchor.slice(1)) : "";
    const ranges = Object.hasOwn(prose.anchors, id) ? prose.anchors[id] : null;
    if (!Array.isArray(ranges)) return { text: prose.text, whole: prose.text.length >= prose.length };
    const text = ranges.map(([start, end]) => prose.text.slice(start, end).trim()).join(": ");
    return { text, whole: ranges.every(([, end]) => end <= prose.text.length) };
  };
  // About a line of text before the first term found, then what follows, cut to the three lines kept for it; null
  // when that lies beyond the part of the page fetched so far.
  const summarize = (prose, anchor) => {
    const { text, whole } = passage(prose, anchor);
    const lower = text.toLowerCase();
    const found = [...searchTerms].map((term) => lower.indexOf(term.toLowerCase())).filter((at) => at > -1);
    const start = found.length ? Math.max(Math.min(...found) - 60, 0) : 0;
    const from = start ? text.indexOf(" ", start) + 1 : 0; // start on a whole word
    if (!whole && (!found.length || from + 240 > text.length)) return null;
    return (from ? "..." : "") + text.substring(from, from + 240) + (from + 240 < text.length ? "..." : "");
  };
  const show = (snippet, text) => {
    snippet.textContent = text;
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED)
      highlightTerms.forEach((term) => _highlightText(snippet, term, "highlighted")); // sphinx_highlight.js
  };
  const fill = (item, snippet) => {
    const link = item.querySelector("a");
    const first = proseUrl(link, ".json");
    if (!first) return;
    fetchText(first)
      .then((prose) => {
        if (!prose || typeof prose.length !== "number" || !prose.anchors || typeof prose.anchors !== "object") return;
        const text = summarize(prose, link.hash);
        if (text !== null) return show(snippet, text);
        return fetchText(proseUrl(link, ".rest.json")).then((rest) => {
          const whole = rest && summarize({ ...prose, text: prose.text + rest.text }, link.hash);
          if (whole) show(snippet, whole);
        });
      })
      .catch(() => {}); // a snippet that cannot be fetched stays empty; the result's link still works
  };
  const inView = new IntersectionObserver(
    (entries) =>
      entries
        .filter((entry) => entry.isIntersecting)
        .forEach((entry) => {
          inView.unobserve(entry.target);
          fill(entry.target, entry.target.querySelector("p.context"));
        }),
    { rootMargin: "200px 0px" },
  );
  // Each result as searchtools.js lists it (one every few milliseconds): a space for its snippet, and a watch
  // for when it comes into view. Results with a description of their own (Sphinx's objects) get none, as in Sphinx.
  new MutationObserver((changes) =>
    changes.forEach((change) =>
      change.addedNodes.forEach((item) => {
        if (item.nodeName !== "LI" || item.querySelector(":scope > span")) return;
        item.appendChild(document.createElement("p")).className = "context lh-snippet";
        inView.observe(item);
      }),
    ),
  ).observe(document.getElementById("search-results"), { childList: true, subtree: true });
})();
