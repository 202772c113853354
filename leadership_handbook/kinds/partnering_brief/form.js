/* The partnering planner in the page, DOM only: read and write the request cards, add and remove cards and
   choices, show each problem beside its field, draw the one-page brief. The rules are LH.rules.partnering_brief
   (rules.js), the twin of rules.py: the same checks, labels, order of sources and warnings. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, rules = LH.rules.partnering_brief;

  // The message beside a field for each problem checkCards finds.
  function messages(spec) {
    const undirect = spec.evidence_options.find((e) => e.direct_evidence === false);
    const named = undirect ? " (\u201c" + undirect.label + "\u201d is one)." : ".";
    const missing = { want: "Write what the client asked for.", problem: "Write the problem behind the request.",
      need: "Write the capability the organisation needs.",
      need_evidence: "Write what shows the need is real (data or observations).",
      indicator: "Write what you will see if it works.", owner: "Name who owns this.",
      by: "Give a date, a week or a month.", measures: "Choose at least one measure.",
      evidence: "Choose at least one evidence option" + named };
    const say = {
      missing: (q) => missing[q.field],
      too_long: (q) => "This is " + q.length + " characters long: keep it to " + spec.rules.max_text_length + ".",
      unknown: (q) => "\u201c" + q.value + "\u201d is not one of the options: choose again.",
      too_many: (q) => "The brief has " + q.count + " requests: keep it to " + spec.rules.max_rows + ".",
    };
    return (q) => say[q.problem](q);
  }

  LH.register("partnering_brief", (ctx) => {
    const spec = ctx.instrument, form = ctx.form, p = spec.id, max = spec.rules.max_rows, short = {};
    const message = messages(spec), TEXTS = rules.textFields(spec), LISTS = rules.listFields();
    const list = form.querySelector("[data-rows=row]"), addButton = form.querySelector("[data-add=row]");
    for (const s of form.querySelectorAll("[data-cite-key]")) short[s.getAttribute("data-cite-key")] = s.textContent;
    form.querySelectorAll(".lh-add-row, .lh-remove-row, .lh-pp-more").forEach((b) => { b.hidden = false; });
    const template = list.firstElementChild.cloneNode(true);
    const cards = () => Array.from(list.children);
    function renumber(node, from, to) {
      for (const e of [node].concat(Array.from(node.querySelectorAll("*")))) {
        for (const a of ["id", "for", "name"]) {
          if (e.hasAttribute(a)) e.setAttribute(a, e.getAttribute(a).replace(from, to));
        }
      }
    }
    function addChoice(card, field, value) {
      const box = card.querySelector("[data-choices=" + field + "]"), n = box.children.length + 1;
      const choice = box.firstElementChild.cloneNode(true);
      renumber(choice, /-\d+$/, "-" + n);
      choice.querySelector("label").textContent = "Choice " + n;
      choice.querySelector("select").value = value || "";
      box.appendChild(choice);
      return choice.querySelector("select");
    }
    function newCard(n, r) {
      const card = template.cloneNode(true);
      renumber(card, new RegExp("^(msg-)?" + p.replace(/[^\w]/g, "\\$&") + "-\\d+"), "$1" + p + "-" + n);
      card.setAttribute("data-row", n);
      card.querySelector("legend").textContent = "Request " + n;
      card.querySelector(".lh-remove-row").setAttribute("aria-label", "Remove request " + n);
      for (const f of TEXTS) card.querySelector("[data-f=" + f + "]").value = r[f] || "";
      for (const f of LISTS) {
        const values = r[f] && r[f].length ? r[f] : [""];
        card.querySelector("select[data-f=" + f + "]").value = values[0];
        values.slice(1).forEach((v) => addChoice(card, f, v));
      }
      return card;
    }
    function blankAnswers() {
      const r = {};
      for (const f of TEXTS) r[f] = "";
      for (const f of LISTS) r[f] = [""];
      return r;
    }

    function read() {
      return { rows: cards().map((card) => {
        const r = {};
        for (const f of TEXTS) r[f] = card.querySelector("[data-f=" + f + "]").value;
        for (const f of LISTS) r[f] = Array.from(card.querySelectorAll("select[data-f=" + f + "]"), (s) => s.value);
        return r;
      }) };
    }
    function write(a) {
      list.textContent = "";
      const rows = a.rows && a.rows.length ? a.rows : [blankAnswers()];
      rows.forEach((r, i) => list.appendChild(newCard(i + 1, r)));
    }
    const empty = () => ({ rows: [1, 2, 3].map(blankAnswers) });

    function render(a, out) {
      const checked = rules.checkCards(spec, a.rows), clean = checked.rows, msgs = {};
      const errors = checked.problems.map((q) =>
        [q.card === null ? p + "-rows" : p + "-" + q.card + "-" + q.field, message(q)]);
      errors.forEach((e) => { msgs[e[0]] = msgs[e[0]] || e[1]; });
      form.querySelectorAll(".lh-field-message").forEach((m) => {
        const id = m.id.slice(4);
        const input = form.querySelector("#" + CSS.escape(id)) || form.querySelector("#" + CSS.escape(id + "-1"));
        LH.setFieldMessage(ctx.root, m.id, msgs[id]);
        LH.markInvalid(input, m.id, !!msgs[id]);
      });
      addButton.disabled = cards().length >= max;
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your one-page partnering brief")));
      // The brief holds the complete requests, so a finished one stays in view while the next is drafted.
      const unfinished = new Set(checked.problems.map((q) => q.card));
      const started = a.rows.map((r, i) => i + 1).filter((n) => !rules.isBlankCard(spec, a.rows[n - 1]));
      const done = started.filter((n) => !unfinished.has(n));
      const doneRows = clean.filter((r, i) => done.includes(started[i]));
      if (!clean.length) {
        out.appendChild(el("p", null, "Fill in at least one request above to see your partnering brief."));
        return { valid: false, errors: [] };
      }
      if (errors.length) {
        const waiting = started.filter((n) => unfinished.has(n)), many = waiting.length > 1;
        const which = many ? "Requests " + waiting.join(", ") + " are" : "Request " + waiting[0] + " is";
        out.appendChild(el("p", { "class": "lh-error", "data-unfinished": waiting.join(" ") },
          (waiting.length ? which + " not in the brief yet: see the message beside each field marked above."
            : "See the message below the requests.") +
          (doneRows.length ? " The brief below holds the requests that are complete." : "")));
        if (!doneRows.length || unfinished.has(null)) {
          return { valid: false, errors: errors.map((e) => ({ field: e[0], message: e[1] })) };
        }
      }
      const brief = rules.buildBrief(spec, doneRows), table = rules.briefTable(spec, brief);
      // Rows are named by their request card (R3 is Request 3), in the table and in the warnings alike.
      const cardId = (id) => "R" + done[Number(id.slice(1)) - 1];
      brief.rows.forEach((r) => { r.id = cardId(r.id); });
      brief.warnings = brief.warnings.map((w) => w.replace(/\bR(\d+)\b/g, (m) => cardId(m)));
      const cap = "Agreed with the client: what they asked for, what is needed, and how we will know it worked";
      const rows = brief.rows.map((r, i) => el("tr", { "data-row": r.id, "data-evidence": r.evidence.join(";"),
        "data-measures": r.measures.join(";"), "data-focus": r.focus.join(";"), "data-cite": r.cite.join(";") },
      el("th", { scope: "row", text: r.id }), table[1][i].map((c) => el("td", { text: c }))));
      out.appendChild(el("div", { "class": "lh-scroll lh-table-scroll", tabindex: 0, role: "region",
        "aria-label": cap },
        LH.table(cap, ["Row"].concat(table[0]), rows, { "class": "lh-table lh-pp-brief" })));
      if (brief.warnings.length) {
        out.appendChild(el("ul", { "class": "lh-pp-warnings" }, brief.warnings.map((w) =>
          el("li", { "data-warning": w }, el("strong", null, "Check: "), w))));
      } else {
        out.appendChild(el("p", { "class": "lh-pp-ok" },
          "At least one request measures behaviour on the job or results, and every request names evidence."));
      }
      if (brief.sources.length) {
        out.appendChild(el("p", { "class": "lh-pp-sources", "data-sources": brief.sources.join(";") },
          "Sources: " + brief.sources.map((k) => short[k] || k).join("; ") + "."));
      }
      brief.table = { headers: table[0], rows: table[1] };
      brief.valid = !errors.length;
      if (errors.length) brief.errors = errors.map((e) => ({ field: e[0], message: e[1] }));
      return brief;
    }

    function csv(a) {
      const index = { evidence: new Map(spec.evidence_options.map((e) => [e.id, e])),
        measures: new Map(spec.measures.map((m) => [m.id, m])) };
      const labels = (f, values) =>
        rules.chosen(values).map((v) => (index[f].has(v) ? index[f].get(v).label : v)).join("; ");
      const rows = [["Row"].concat(spec.brief_columns.map((c) => c.label), ["Evidence ids", "Measure ids"])];
      // Each row is named by its request card, as in the brief on the page.
      a.rows.forEach((r, i) => {
        if (rules.isBlankCard(spec, r)) return;
        const cells = spec.brief_columns.map((c) => (index[c.id] ? labels(c.id, r[c.id])
          : String(r[c.id] || "").trim()));
        rows.push(["R" + (i + 1)].concat(cells,
          [rules.chosen(r.evidence).join(";"), rules.chosen(r.measures).join(";")]));
      });
      return rows;
    }

    form.addEventListener("click", (event) => {
      const b = event.target.closest("button"), card = b && b.closest(".lh-pp-row");
      let focus;
      if (!b) return;
      if (b.hasAttribute("data-more")) focus = addChoice(card, b.getAttribute("data-more"));
      else if (b.hasAttribute("data-add")) {
        if (cards().length >= max) return;
        list.appendChild(newCard(cards().length + 1, blankAnswers()));
        focus = list.lastElementChild.querySelector("textarea");
      } else if (b.hasAttribute("data-remove")) {
        // Convention 6: the removal is saved and can be undone from the status line.
        const at = cards().indexOf(card), remove = () => {
          const a = read();
          a.rows.splice(at, 1);
          write(a);
        };
        if (ctx.undoable) ctx.undoable("Request " + (at + 1) + " was removed.", remove);
        else { remove(); ctx.changed(); }
        cards()[Math.min(at, cards().length - 1)].querySelector("textarea").focus();
        return;
      } else return;
      ctx.changed();
      focus.focus();
    });
    // Show the key to the options on paper too.
    window.addEventListener("beforeprint", () => {
      form.querySelectorAll("details.lh-pp-key").forEach((d) => { d.open = true; });
    });
    return { read, write, render, csv, empty };
  });
})();
