// The search page's changes to Sphinx's search (searchtools.js runs first), so that it paints at once and nothing
// on it moves as results arrive (lh-site.css keeps the space they need):
// - the index (searchindex.js, the largest file the page loads) is fetched once the page has loaded;
// - the count of pages found is written as soon as it is known, above the list, not after the last result;
// - a result's snippet is fetched when the result comes into view, into a space of three lines kept for it.
//   Sphinx fetches every matching page whole at once (20 pages, 1.3 MB, for "evaluation") and slots each
//   snippet in when it arrives, pushing the results below it down;
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

  // The page's prose, or its section's: its article, without the header's buttons or the page's contents list,
  // which Sphinx's htmlToText keeps (it takes all of [role=main]), so a snippet no longer opens on "Repository".
  const prose = (html, anchor) => {
    const page = new DOMParser().parseFromString(html, "text/html");
    page.querySelectorAll(".headerlink, script, style, noscript, template").forEach((element) => element.remove());
    const article = page.querySelector("article.bd-article") || page.querySelector('[role="main"]');
    if (!article) return "";
    // getElementById, not querySelector: ids may start with a digit
    const target = anchor ? page.getElementById(decodeURIComponent(anchor.slice(1))) : null;
    let parts = [article];
    // a glossary term's anchor is its <dt>, and its definition follows it
    if (target && article.contains(target))
      parts = target.nodeName === "DT" && target.nextElementSibling ? [target, target.nextElementSibling] : [target];
    return parts
      .map((part) => part.textContent)
      .join(": ")
      .replace(/\s+/g, " ")
      .trim();
  };
  // About a line of text before the first term found, then what follows, cut to the three lines kept for it.
  const summarize = (html, anchor) => {
    const text = prose(html, anchor);
    const lower = text.toLowerCase();
    const found = [...searchTerms].map((term) => lower.indexOf(term.toLowerCase())).filter((at) => at > -1);
    const start = found.length ? Math.max(Math.min(...found) - 60, 0) : 0;
    const from = start ? text.indexOf(" ", start) + 1 : 0; // start on a whole word
    return (from ? "..." : "") + text.substring(from, from + 240) + (from + 240 < text.length ? "..." : "");
  };
  const fill = (item, snippet) => {
    const link = item.querySelector("a");
    fetch(link.href.split("#")[0])
      .then((response) => (response.ok ? response.text() : ""))
      .then((html) => {
        if (!html) return;
        snippet.textContent = summarize(html, link.hash);
        if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED)
          highlightTerms.forEach((term) => _highlightText(snippet, term, "highlighted")); // sphinx_highlight.js
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
