/* The page around an in-page exercise (loaded by sphinx_ext/page_fixes.py on exercise pages only):
   - "Print my results" prints that form and its results alone, headed by the page's title and the date;
   - "Print a blank copy" prints the same form empty, to fill in by hand, and puts the reader's answers back;
   - a table in a form's results scrolls sideways in its own box when it is wider than the screen. */
(function () {
  "use strict";
  const LH = (window.LH = window.LH || {});
  const DATE = { day: "numeric", month: "long", year: "numeric" };

  // The page's title as its heading shows it, without the heading's "#" link.
  function pageTitle() {
    const heading = document.querySelector("main h1, article h1, h1");
    if (!heading) return document.title;
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
    return copy.textContent.trim();
  }

  /* Everything on the page but `root` (the exercise), and the form's rows left blank, are marked lh-print-hide,
     which print styles leave out; a heading with the title (and `subtitle`, a part's title) and the date goes on
     top. All of it is undone once the print dialog closes. */
  LH.printResults = function (root, subtitle, blank) {
    const rows = root.querySelectorAll("[data-row], [data-entry]");
    const empty = (row) => Array.from(row.querySelectorAll("input[type=text], input[type=number], textarea"))
      .every((i) => !i.value.trim());
    const hidden = blank ? [] : Array.from(rows).filter(empty);
    if (hidden.length === rows.length) hidden.length = 0;  // a blank form prints whole
    const answers = blank ? emptied(root) : null;
    for (let node = root; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling !== node && !sibling.matches("script, link, style")) hidden.push(sibling);
      }
    }
    hidden.forEach((node) => node.classList.add("lh-print-hide"));
    const heading = document.createElement("p");
    heading.className = "lh-print-heading";
    heading.textContent = pageTitle() + (subtitle && subtitle !== pageTitle() ? ": " + subtitle : "") +
      (blank ? ". A blank copy to fill in by hand."
        : ". Printed on " + new Date().toLocaleDateString("en-GB", DATE) + ".");
    root.prepend(heading);
    document.documentElement.classList.add("lh-print-results");
    document.documentElement.classList.toggle("lh-print-blank", !!blank);
    const done = () => {
      hidden.forEach((node) => node.classList.remove("lh-print-hide"));
      heading.remove();
      document.documentElement.classList.remove("lh-print-results", "lh-print-blank");
      if (answers) answers.forEach((restore) => restore());
    };
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  };

  /* Every field of the form emptied for the print, without an input event, so nothing is saved; returns how to put
     each back. The reader's answers stay stored in the browser all the while. */
  function emptied(root) {
    // Figures the form works out beside the fields (the ROI's "Counted" column) go blank too.
    const worked = Array.from(root.querySelectorAll("form.lh-form [data-counted]")).map((cell) => {
      const text = cell.textContent;
      cell.textContent = "";
      return () => { cell.textContent = text; };
    });
    const fields = root.querySelectorAll("form.lh-form input, form.lh-form select, form.lh-form textarea");
    return worked.concat(Array.from(fields).map((field) => {
      const value = field.value, checked = field.checked, index = field.selectedIndex;
      if (field.type === "radio" || field.type === "checkbox") field.checked = false;
      else if (field.tagName === "SELECT") field.selectedIndex = -1;
      else if (field.type !== "submit" && field.type !== "button") field.value = "";
      return () => {
        field.value = value;
        field.checked = checked;
        if (field.tagName === "SELECT") field.selectedIndex = index;
      };
    }));
  }

  // Every results table outside a scrolling box gets one: focusable and named, so a keyboard can scroll it.
  function boxTables(results) {
    results.querySelectorAll("table").forEach((table) => {
      if (table.closest(".lh-table-scroll, .lh-scroll")) return;
      const box = document.createElement("div"), caption = table.querySelector("caption");
      box.className = "lh-table-scroll";
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
      table.replaceWith(box);
      box.appendChild(table);
    });
  }
  // Beside the "Print my results" of each form core/page.js has started and drawn (its lh-ready event).
  function addBlankCopy(root) {
    const buttons = Array.from(root.querySelectorAll(".lh-toolbar button"));
    const results = buttons.find((b) => b.textContent === "Print my results");
    const spec = root.querySelector("script.lh-spec");
    if (!results || !spec) return;
    const part = (JSON.parse(spec.textContent).options || {}).part;
    const blank = document.createElement("button");
    blank.type = "button";
    blank.className = "lh-button";
    blank.textContent = "Print a blank copy";
    const title = part ? root.getAttribute("data-lh-title") : "";
    blank.addEventListener("click", () => LH.printResults(root, title, true));
    results.after(" ", blank);
  }
  function ready(root) {
    if (!root.matches(".lh-exercise")) return;
    addBlankCopy(root);
    root.querySelectorAll(".lh-results").forEach((results) => {
      boxTables(results);
      new MutationObserver(() => boxTables(results)).observe(results, { childList: true, subtree: true });
    });
  }
  document.addEventListener("lh-ready", (event) => ready(event.target));
})();
