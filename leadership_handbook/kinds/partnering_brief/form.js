/* In-page partnering planner: the brief is built with the same rules as leadership_handbook.partnering
   (validate_rows, build_brief, brief_table): the same checks, labels, order of sources and warnings. */
(function () {
  "use strict";
  var LH = window.LH, el = LH.el, TEXTS = ["want", "need", "indicator", "owner", "by"], LISTS = ["evidence", "measures"];
  var MISSING = { want: "Write what the client asked for.", need: "Write the capability the organisation needs.",
    indicator: "Write what you will see if it works.", owner: "Name who owns this.", by: "Give a date, a week or a month.",
    evidence: "Choose at least one evidence option (\u201cNo direct research evidence\u201d is one).", measures: "Choose at least one measure." };

  function byId(list) { var o = {}; list.forEach(function (x) { o[x.id] = x; }); return o; }
  function blankRow(r) {
    return TEXTS.every(function (f) { return !String(r[f] || "").trim(); }) &&
      LISTS.every(function (f) { return !(r[f] || []).some(function (v) { return v; }); });
  }
  function addNew(list, items) { items.forEach(function (k) { if (list.indexOf(k) < 0) list.push(k); }); return list; }

  // validate_rows for the rows a reader has started (blank cards are left out): [clean rows, problems].
  function validate(spec, rows, p) {
    var known = { evidence: byId(spec.evidence_options), measures: byId(spec.measures) }, errors = [], clean = [];
    rows.forEach(function (r, i) {
      if (blankRow(r)) return;
      var id = p + "-" + (i + 1), out = { id: "R" + (clean.length + 1) };
      TEXTS.forEach(function (f) {
        var t = String(r[f] || "").trim();
        if (!t) errors.push([id + "-" + f, MISSING[f]]);
        else if (t.length > 300) errors.push([id + "-" + f, "This is " + t.length + " characters long: keep it to 300."]);
        out[f] = t;
      });
      LISTS.forEach(function (f) {
        var ids = addNew([], (r[f] || []).filter(function (v) { return v; }));
        if (!ids.length) errors.push([id + "-" + f, MISSING[f]]);
        ids.forEach(function (v) { if (!known[f][v]) errors.push([id + "-" + f, "\u201c" + v + "\u201d is not one of the options: choose again."]); });
        out[f] = ids;
      });
      clean.push(out);
    });
    if (clean.length > spec.rules.max_rows) errors.push([p + "-rows", "The brief has " + clean.length + " requests: keep it to " + spec.rules.max_rows + "."]);
    return [clean, errors];
  }

  function buildBrief(spec, clean) {
    var evidence = byId(spec.evidence_options), measures = byId(spec.measures), frameworks = byId(spec.frameworks), sources = [];
    var rows = clean.map(function (r) {
      var cite = [];
      r.evidence.forEach(function (e) { addNew(cite, evidence[e].cite); });
      r.measures.forEach(function (m) { addNew(cite, frameworks[measures[m].framework].cite); });
      addNew(sources, cite);
      var out = {};
      Object.keys(r).forEach(function (k) { out[k] = r[k]; });
      out.evidence_labels = r.evidence.map(function (e) { return evidence[e].label; });
      out.measure_labels = r.measures.map(function (m) { return measures[m].label; });
      out.focus = r.measures.map(function (m) { return measures[m].focus; });
      out.cite = cite;
      return out;
    });
    var warnings = [], wanted = spec.rules.beyond_reactions_focus;
    if (!rows.some(function (r) { return r.focus.some(function (f) { return wanted.indexOf(f) >= 0; }); }))
      warnings.push(spec.rules.warning_no_measure_beyond_reactions);
    var bare = rows.filter(function (r) { return r.evidence.length === 1 && r.evidence[0] === "no-direct-evidence"; }).map(function (r) { return r.id; });
    if (bare.length) warnings.push(bare.length > 1 ? "Rows " + bare.join(", ") + " rest on no direct research evidence: agree how you will test them."
      : "Row " + bare[0] + " rests on no direct research evidence: agree how you will test it.");
    return { planner: spec.id, rows: rows, warnings: warnings, sources: sources };
  }

  function briefTable(spec, brief) {
    return [spec.brief_columns.map(function (c) { return c.label; }), brief.rows.map(function (r) {
      return spec.brief_columns.map(function (c) {
        return c.id === "evidence" ? r.evidence_labels.join("; ") : c.id === "measures" ? r.measure_labels.join("; ") : r[c.id];
      });
    })];
  }

  LH.register("partnering_planner", function (ctx) {
    var spec = ctx.instrument, form = ctx.form, p = spec.id, max = spec.rules.max_rows, short = {};
    var list = form.querySelector("[data-rows=row]"), addButton = form.querySelector("[data-add=row]");
    form.querySelectorAll("[data-cite-key]").forEach(function (s) { short[s.getAttribute("data-cite-key")] = s.textContent; });
    form.querySelectorAll(".lh-add-row, .lh-remove-row, .lh-pp-more").forEach(function (b) { b.hidden = false; });
    var template = list.firstElementChild.cloneNode(true);
    function cards() { return [].slice.call(list.children); }
    function renumber(node, from, to) {
      [node].concat([].slice.call(node.querySelectorAll("*"))).forEach(function (e) {
        ["id", "for", "name"].forEach(function (a) { if (e.hasAttribute(a)) e.setAttribute(a, e.getAttribute(a).replace(from, to)); });
      });
    }
    function addChoice(card, field, value) {
      var box = card.querySelector("[data-choices=" + field + "]"), n = box.children.length + 1, choice = box.firstElementChild.cloneNode(true);
      renumber(choice, /-\d+$/, "-" + n);
      choice.querySelector("label").textContent = "Choice " + n;
      choice.querySelector("select").value = value || "";
      box.appendChild(choice);
      return choice.querySelector("select");
    }
    function newCard(n, r) {
      var card = template.cloneNode(true);
      renumber(card, new RegExp("^(msg-)?" + p.replace(/[^\w]/g, "\\$&") + "-\\d+"), "$1" + p + "-" + n);
      card.setAttribute("data-row", n);
      card.querySelector("legend").textContent = "Request " + n;
      card.querySelector(".lh-remove-row").setAttribute("aria-label", "Remove request " + n);
      TEXTS.forEach(function (f) { card.querySelector("[data-f=" + f + "]").value = r[f] || ""; });
      LISTS.forEach(function (f) {
        var values = r[f] && r[f].length ? r[f] : [""];
        card.querySelector("select[data-f=" + f + "]").value = values[0];
        values.slice(1).forEach(function (v) { addChoice(card, f, v); });
      });
      return card;
    }
    function blankAnswers() { var r = { evidence: [""], measures: [""] }; TEXTS.forEach(function (f) { r[f] = ""; }); return r; }

    function read() {
      return { rows: cards().map(function (card) {
        var r = {};
        TEXTS.forEach(function (f) { r[f] = card.querySelector("[data-f=" + f + "]").value; });
        LISTS.forEach(function (f) { r[f] = [].map.call(card.querySelectorAll("select[data-f=" + f + "]"), function (s) { return s.value; }); });
        return r;
      }) };
    }
    function write(a) {
      list.textContent = "";
      var rows = a.rows && a.rows.length ? a.rows : [blankAnswers()];
      rows.forEach(function (r, i) { list.appendChild(newCard(i + 1, r)); });
    }
    function empty() { return { rows: [1, 2, 3].map(blankAnswers) }; }

    function render(a, out) {
      var checked = validate(spec, a.rows, p), clean = checked[0], errors = checked[1], msgs = {};
      errors.forEach(function (e) { msgs[e[0]] = msgs[e[0]] || e[1]; });
      form.querySelectorAll(".lh-field-message").forEach(function (m) {
        var id = m.id.slice(4), input = form.querySelector("#" + CSS.escape(id)) || form.querySelector("#" + CSS.escape(id + "-1"));
        LH.setFieldMessage(ctx.root, m.id, msgs[id]);
        LH.markInvalid(input, m.id, !!msgs[id]);
      });
      addButton.disabled = cards().length >= max;
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your one-page partnering brief")));
      if (!clean.length) {
        out.appendChild(el("p", null, "Fill in at least one request above to see your partnering brief."));
        return { valid: false, errors: [] };
      }
      if (errors.length) {
        out.appendChild(el("p", { "class": "lh-error" }, errors.length + (errors.length > 1 ? " entries need" : " entry needs") +
          " attention: see the message beside " + (errors.length > 1 ? "each" : "the") + " field above. The brief appears once every request you have started is complete."));
        return { valid: false, errors: errors.map(function (e) { return { field: e[0], message: e[1] }; }) };
      }
      var brief = buildBrief(spec, clean), table = briefTable(spec, brief);
      var cap = "Agreed with the client: what they asked for, what is needed, and how we will know it worked";
      out.appendChild(el("div", { "class": "lh-scroll", tabindex: 0, role: "region", "aria-label": cap }, LH.table(cap, ["Row"].concat(table[0]), brief.rows.map(function (r, i) {
          return el("tr", { "data-row": r.id, "data-evidence": r.evidence.join(";"), "data-measures": r.measures.join(";"),
            "data-focus": r.focus.join(";"), "data-cite": r.cite.join(";") },
          el("th", { scope: "row", text: r.id }), table[1][i].map(function (c) { return el("td", { text: c }); }));
        }), { "class": "lh-table lh-pp-brief" })));
      if (brief.warnings.length) out.appendChild(el("ul", { "class": "lh-pp-warnings" }, brief.warnings.map(function (w) {
        return el("li", { "data-warning": w }, el("strong", null, "Check: "), w);
      })));
      else out.appendChild(el("p", { "class": "lh-pp-ok" }, "At least one request measures behaviour on the job or results, and every request names evidence."));
      if (brief.sources.length) out.appendChild(el("p", { "class": "lh-pp-sources", "data-sources": brief.sources.join(";") },
        "Sources: " + brief.sources.map(function (k) { return short[k] || k; }).join("; ") + "."));
      brief.table = { headers: table[0], rows: table[1] };
      brief.valid = true;
      return brief;
    }

    function csv(a) {
      var evidence = byId(spec.evidence_options), measures = byId(spec.measures), n = 0;
      function ids(list) { return addNew([], list.filter(Boolean)); }
      function labels(list, index) { return ids(list).map(function (v) { return index[v] ? index[v].label : v; }).join("; "); }
      var rows = [["Row"].concat(spec.brief_columns.map(function (c) { return c.label; }), ["Evidence ids", "Measure ids"])];
      a.rows.forEach(function (r) {
        if (blankRow(r)) return;
        rows.push(["R" + ++n].concat(spec.brief_columns.map(function (c) {
          return c.id === "evidence" ? labels(r.evidence, evidence) : c.id === "measures" ? labels(r.measures, measures) : String(r[c.id]).trim();
        }), [ids(r.evidence).join(";"), ids(r.measures).join(";")]));
      });
      return rows;
    }

    form.addEventListener("click", function (event) {
      var b = event.target.closest("button"), card = b && b.closest(".lh-pp-row"), focus;
      if (!b) return;
      if (b.hasAttribute("data-more")) focus = addChoice(card, b.getAttribute("data-more"));
      else if (b.hasAttribute("data-add")) {
        if (cards().length >= max) return;
        list.appendChild(newCard(cards().length + 1, blankAnswers()));
        focus = list.lastElementChild.querySelector("textarea");
      } else if (b.hasAttribute("data-remove")) {
        var at = cards().indexOf(card), a = read();
        a.rows.splice(at, 1);
        write(a);
        focus = cards()[Math.min(at, cards().length - 1)].querySelector("textarea");
      } else return;
      ctx.changed();
      focus.focus();
    });
    // Show the key to the options on paper too.
    window.addEventListener("beforeprint", function () { form.querySelectorAll("details.lh-pp-key").forEach(function (d) { d.open = true; }); });
    return { read: read, write: write, render: render, csv: csv, empty: empty };
  });
  LH.partnering = { validate: validate, buildBrief: buildBrief, briefTable: briefTable };
})();
