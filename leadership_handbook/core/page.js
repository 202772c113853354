/* In-page exercises, shared DOM part: each form's start (storage through core/storage.js), toolbar, export and
   small DOM/SVG helpers. The page script lh-core.js is the pure core files, core/storage.js and this file
   (CORE_SOURCES in sphinx_ext/page_assets.py joins them). Nothing a reader enters leaves the browser: answers
   are kept in localStorage only. */
(function () {
  "use strict";
  var kinds = {};
  var SVG_NS = "http://www.w3.org/2000/svg";

  function fill(node, args) {
    setAttrs(node, args[1]);
    for (var i = 2; i < args.length; i++) append(node, args[i]);
    return node;
  }
  function el(tag) { return fill(document.createElement(tag), arguments); }
  function svg(tag) { return fill(document.createElementNS(SVG_NS, tag), arguments); }
  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else node.appendChild(typeof child === "string" || typeof child === "number" ?
      document.createTextNode(String(child)) : child);
  }

  // One store for the page: every form has its own key in it (core/storage.js).
  var store = window.LH.storage.openStore(function () { return window.localStorage; });

  function download(filename, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type })), link = el("a", { href: url, download: filename });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // A message beside a field: visible, announced, and tied to the field for screen readers.
  function setFieldMessage(root, id, message) {
    var box = root.querySelector("#" + CSS.escape(id));
    if (!box) return;
    box.textContent = message || "";
    box.classList.toggle("lh-error", !!message);
  }
  function markInvalid(input, messageId, invalid) {
    if (!input) return;
    if (invalid) { input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", messageId); }
    else { input.removeAttribute("aria-invalid"); }
  }

  function table(caption, head, rows, attrs) {
    return el("table", attrs || { "class": "lh-table" },
      el("caption", { text: caption }),
      el("thead", null, el("tr", null, head.map(function (h) { return el("th", { scope: "col", text: h }); }))),
      el("tbody", null, rows));
  }

  function button(label, onClick, attrs) {
    var b = el("button", Object.assign({ type: "button", "class": "lh-button" }, attrs || {}), label);
    b.addEventListener("click", onClick);
    return b;
  }

  function start(root) {
    var init = kinds[root.getAttribute("data-lh-kind")], specNode = root.querySelector("script.lh-spec");
    if (!init || !specNode) return;
    var spec = JSON.parse(specNode.textContent), key = root.getAttribute("data-lh-store");
    var form = root.querySelector("form.lh-form"), results = root.querySelector(".lh-results");
    var status = root.querySelector(".lh-status"), toolbar = root.querySelector(".lh-toolbar");
    // Charts are drawn at the width results are shown: read before the form changes anything, then kept by a
    // ResizeObserver; reading it as each chart is drawn forced a layout (60-85 ms at 4x CPU, ROI page).
    var width = results.clientWidth, drawnAt = width, resized = null;
    var ctx = { root: root, form: form, spec: spec, instrument: spec.instrument, links: spec.links || {},
      options: spec.options || {}, changed: changed, undoable: undoable, shownWidth: function () { return width; } };
    var kind = init(ctx), sync = null, sayAgain = null, undo = window.LH.undoBar(root);  // core/undo_bar.js

    // Convention 6: snapshot, change, save, and offer to put the snapshot back for a minute.
    function undoable(message, change) {
      if (!sync) return change();
      var before = kind.read(), value;
      try { value = change(); } catch (e) { kind.write(before); throw e; }
      changed();
      offerUndo(message, before);
      return value;
    }
    function offerUndo(message, before) {
      say({ message: message });
      if (!window.LH.storage.equal(before, kind.read())) undo.offer(message, before, putBack);
    }
    function putBack(before) {
      kind.write(before);
      changed();
      say({ message: "Undone: your answers are back as they were, and saved in this browser." });
      var first = form.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    }

    function changed() {
      if (!sync) return;
      say(sync.save());
      refresh(kind.read());
      announceStored();
    }
    function refresh(answers) {
      drawnAt = width;
      results.textContent = "";
      ctx.lastResult = kind.render(answers, results);
    }
    // A sentence in the status line; the same sentence again is cleared first so that it is announced again.
    function say(result) {
      if (!result) return;
      clearTimeout(sayAgain);
      status.classList.toggle("lh-status-problem", !!result.problem);
      if (status.textContent !== result.message) { status.textContent = result.message; return; }
      status.textContent = "";
      sayAgain = setTimeout(function () { status.textContent = result.message; }, 100);
    }
    // Another copy of this form on the page reads what this one stored, as another tab would.
    function announceStored() {
      document.dispatchEvent(new CustomEvent("lh-stored", { detail: { key: key, root: root } }));
    }
    // What another tab or copy stored: the form takes it, keeping the focus where the reader was.
    function update(raw) {
      var active = document.activeElement, id = active && root.contains(active) ? active.id : "";
      var result = sync.external(raw);
      if (!result) return;
      refresh(kind.read());
      say(result);
      var again = id && !root.contains(active) && root.querySelector("#" + CSS.escape(id));
      if (again) again.focus();
    }

    if (kind.read && kind.render) {
      var former = (root.getAttribute("data-lh-former-stores") || "").split(" ").filter(Boolean);
      sync = window.LH.storage.formSync({ store: store, key: key, formerKeys: former, kind: { read: kind.read,
        write: kind.write, clear: function () { form.reset(); kind.write(kind.empty ? kind.empty() : {}); } } });
      say(sync.load());
      form.addEventListener("change", changed);
      form.addEventListener("input", function (event) {
        if (event.target.matches("input[type=text], input[type=number], input[type=date], textarea")) changed();
      });
      // Enter in a field, or the Save button: save now and say so; the results already follow every answer.
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var result = sync.save(), now = sync.status();
        refresh(kind.read());
        announceStored();
        var merged = result && result.message === window.LH.storage.MESSAGES.merged;
        say(merged ? { message: result.message + " " + now.message, problem: now.problem } : now);
      });
      new ResizeObserver(function () {  // charts are drawn again when the width changes (a phone turned)
        width = results.clientWidth;
        clearTimeout(resized);
        resized = setTimeout(function () { if (Math.abs(width - drawnAt) >= 16) refresh(kind.read()); }, 150);
      }).observe(results);
      window.addEventListener("storage", function (event) {
        if (event.key === key || event.key === null) update(store.read(key).raw);
      });
      document.addEventListener("lh-stored", function (event) {
        if (event.detail.key === key && event.detail.root !== root) update(store.read(key).raw);
      });
      var actions = form.querySelector(".lh-form-actions");
      if (actions) { actions.hidden = false; actions.querySelector("button[type=submit]").disabled = false; }
      toolbar.appendChild(button("Clear my answers", function () {
        var before = kind.read();
        sync.clear();
        refresh(kind.read());
        announceStored();
        offerUndo("Your answers were cleared from this page and this browser.", before);
      }));
      var exported = function () {
        var now = new Date(), answers = kind.read(), results = ctx.lastResult || {};
        return { now: now, payload: window.LH.storage.exportPayload({ kind: root.getAttribute("data-lh-kind"),
          instrument: spec.instrument, part: spec.options.part, now: now, answers: answers, results: results,
          attempts: kind.attempts ? kind.attempts() : [] }), answers: answers, results: results };
      };
      toolbar.appendChild(button("Download my answers (CSV)", function () {
        var got = exported(), rows = window.LH.storage.exportRows(kind.csv(got.answers, got.results), got.payload);
        download(window.LH.storage.exportName(spec.instrument.id, spec.options.part, got.now, "csv"), "text/csv",
          window.LH.storage.toCSV(rows));
      }));
      toolbar.appendChild(button("Download my answers (JSON)", function () {
        var got = exported();
        download(window.LH.storage.exportName(spec.instrument.id, spec.options.part, got.now, "json"),
          "application/json", JSON.stringify(got.payload, null, 2));
      }));
      toolbar.appendChild(button("Print my results", function () {  // static/lh-exercise-page.js: this form only
        if (!window.LH.printResults) return window.print();
        window.LH.printResults(root, spec.options.part ? root.getAttribute("data-lh-title") : "");
      }));
      toolbar.appendChild(el("p", { "class": "lh-privacy" },
        "Your answers are saved only in this browser, on this device. Nothing is sent anywhere. A download is " +
        "your own copy, and the file a facilitator may ask for; whether you share it is your choice."));
      toolbar.hidden = false;
      if (window.LH.attemptsView) window.LH.attemptsView(ctx, kind, store);  // core/attempts_view.js
    }
    // The results are drawn in a task of their own, so that no task is long on a slow phone; then
    // static/lh-exercise-page.js adds its part to the form.
    setTimeout(function () {
      if (sync) refresh(kind.read());
      root.classList.add("lh-ready");
      root.dispatchEvent(new CustomEvent("lh-ready", { bubbles: true }));
    });
  }

  window.LH = Object.assign(window.LH || {}, {
    register: function (kind, init) { kinds[kind] = init; },
    el: el, svg: svg, round2: window.LH.format.round2, format2: window.LH.format.format2, table: table, button: button,
    setFieldMessage: setFieldMessage, markInvalid: markInvalid,
    radioValue: function (form, name) {
      var checked = form.querySelector('input[type=radio][name="' + CSS.escape(name) + '"]:checked');
      return checked ? checked.value : null;
    },
    setRadio: function (form, name, value) {
      form.querySelectorAll('input[type=radio][name="' + CSS.escape(name) + '"]').forEach(function (input) {
        input.checked = value !== null && value !== undefined && input.value === String(value);
      });
    },
    // A link to a handbook section by its label, titled as in the handbook's index.
    link: function (ctx, label) {
      var target = ctx.links[label];
      return target ? el("a", { href: target.href }, target.title) : label;
    }
  });

  // Deferred, the kinds register by DOMContentLoaded; loaded after the page (script_bundles.py), by a timer's turn.
  // Each form starts in a task of its own.
  function startAll() {
    var roots = Array.from(document.querySelectorAll("[data-lh-kind]"));
    (function next() { if (roots.length) { start(roots.shift()); setTimeout(next); } })();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else setTimeout(startAll);
})();
