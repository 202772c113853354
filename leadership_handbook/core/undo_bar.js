/* In-page exercises: the undo offer (core/page.js gives each form one). Loaded after page.js, in lh-core.js. */
(function () {
  "use strict";
  var UNDO_SECONDS = 60;
  var el = window.LH.el;

  /* The undo offer: a bar kept in view at the foot of the screen with the message and an Undo button. Several
     offers stack: Undo puts back the newest, then the one before it is offered again while its time lasts. */
  function undoBar(root) {
    var offers = [], timer = null, text = el("p", { "class": "lh-undo-message" });
    var again = el("button", { type: "button", "class": "lh-button lh-undo-button" }, "Undo");
    var bar = el("div", { "class": "lh-undo", hidden: true }, text, again);  // the status line announces it
    root.querySelector(".lh-status").after(bar);
    function show() {
      clearTimeout(timer);
      var now = Date.now();
      offers = offers.filter(function (o) { return o.until > now; });
      var last = offers[offers.length - 1];
      bar.hidden = !last;
      if (!last) return;
      text.textContent = last.message + " You can undo this for a minute.";
      again.setAttribute("aria-label", "Undo: " + last.message);
      timer = setTimeout(show, last.until - now);
    }
    again.addEventListener("click", function () {
      var last = offers.pop();
      show();
      if (last) last.putBack(last.before);
    });
    return { offer: function (message, before, putBack) {
      offers.push({ message: message, before: before, putBack: putBack, until: Date.now() + UNDO_SECONDS * 1000 });
      show();
    } };
  }

  window.LH.undoBar = undoBar;
})();
