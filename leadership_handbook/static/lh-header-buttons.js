/* The theme's header buttons, without the theme's bootstrap.js (81 KB, for two small menus and a button).
   - Buttons that run JavaScript (print, full screen) name it in data-lh-onclick, since the Content-Security-Policy
     refuses onclick attributes; this runs the same calls, never eval.
   - The header's menus (download, launch, repository) open, close and take the keys as Bootstrap 5.3's dropdowns
     do, placed where its Popper places them (below the button, kept inside the window): Enter or a click opens,
     the arrow keys move through the items, Escape closes and gives the focus back, a click anywhere closes.
   - "Back to top" goes to the top, and is set to show while the reader scrolls up below the header, as Bootstrap's
     code sets it (sphinx-book-theme hides the button itself with display: none !important).
   Where the page still loads bootstrap.js (window.bootstrap), Bootstrap does the menus and the button. */
(function () {
  "use strict";
  const ACTIONS = {
    "window.print()": () => window.print(),
    "toggleFullScreen()": () => window.toggleFullScreen(),
  };
  const TOGGLE = '[data-bs-toggle="dropdown"]';
  const GAP = 2; // pixels between the button and its menu (Bootstrap's dropdown offset)

  function runActions() {
    document.querySelectorAll("[data-lh-onclick]").forEach((button) => {
      const action = ACTIONS[button.dataset.lhOnclick];
      if (action) {
        button.addEventListener("click", action);
      } else {
        console.error(`lh-header-buttons.js: no action for data-lh-onclick="${button.dataset.lhOnclick}"`);
      }
    });
  }

  const menuOf = (toggle) => toggle.parentElement.querySelector(".dropdown-menu");
  const openToggles = () => [...document.querySelectorAll(`${TOGGLE}.show`)];
  const items = (menu) =>
    [...menu.querySelectorAll(".dropdown-item:not(.disabled):not(:disabled)")].filter((item) => item.offsetParent);

  function place(toggle, menu) {
    // Popper's "bottom-start": the menu's left edge under the button's, moved left if it would leave the window.
    const parent = menu.offsetParent || toggle.parentElement;
    const box = parent.getBoundingClientRect();
    const button = toggle.getBoundingClientRect();
    let x = button.left - box.left - parent.clientLeft;
    const overflow = box.left + parent.clientLeft + x + menu.offsetWidth - document.documentElement.clientWidth;
    if (overflow > 0) x -= overflow;
    x = Math.max(x, -(box.left + parent.clientLeft));
    const y = button.bottom - box.top - parent.clientTop + GAP;
    const ratio = window.devicePixelRatio || 1;
    const round = (value) => Math.round(value * ratio) / ratio || 0;
    const shift = `${round(x)}px, ${round(y)}px`;
    Object.assign(menu.style, { position: "absolute", inset: "0px auto auto 0px", margin: "0px" });
    menu.style.transform = ratio <= 1 ? `translate(${shift})` : `translate3d(${shift}, 0)`;
    menu.dataset.popperPlacement = "bottom-start";
  }

  function open(toggle) {
    const menu = menuOf(toggle);
    if (!menu || toggle.classList.contains("show")) return;
    openToggles().forEach(close);
    toggle.focus();
    toggle.setAttribute("aria-expanded", "true");
    toggle.classList.add("show");
    menu.classList.add("show");
    place(toggle, menu);
  }

  function close(toggle) {
    const menu = menuOf(toggle);
    toggle.classList.remove("show");
    toggle.setAttribute("aria-expanded", "false");
    if (!menu) return;
    menu.classList.remove("show");
    menu.style.cssText = "";
    delete menu.dataset.popperPlacement;
  }

  function step(menu, from, down) {
    // Bootstrap's order: from the button the arrows wrap round (Up gives the last item); inside, they stop at the ends.
    const list = items(menu);
    if (!list.length) return;
    const at = list.indexOf(from);
    if (at < 0) {
      list[down ? 0 : list.length - 1].focus();
      return;
    }
    list[Math.max(0, Math.min(at + (down ? 1 : -1), list.length - 1))].focus();
  }

  function onKey(event) {
    const inDropdown = event.target.closest && event.target.closest(`${TOGGLE}, .dropdown-menu`);
    if (!inDropdown) return;
    const toggle = inDropdown.matches(TOGGLE) ? inDropdown : inDropdown.parentElement.querySelector(TOGGLE);
    if (!toggle) return;
    const arrow = event.key === "ArrowDown" || event.key === "ArrowUp";
    if (!arrow && event.key !== "Escape") return;
    if (/input|textarea/i.test(event.target.tagName) && !arrow) return;
    event.preventDefault();
    if (arrow) {
      event.stopPropagation();
      open(toggle);
      step(menuOf(toggle), event.target, event.key === "ArrowDown");
    } else if (toggle.classList.contains("show")) {
      close(toggle);
      toggle.focus();
    }
  }

  function closeOthers(event) {
    // A click (not the right button), or Tab moving the focus out of a menu, closes the open menus.
    if (event.button === 2 || (event.type === "keyup" && event.key !== "Tab")) return;
    for (const toggle of openToggles()) {
      const path = event.composedPath();
      if (path.includes(toggle)) continue;
      const menu = menuOf(toggle);
      const formField = /input|select|option|textarea|form/i.test(event.target.tagName);
      if (menu && menu.contains(event.target) && (event.type === "keyup" || formField)) continue;
      close(toggle);
    }
  }

  function runDropdowns() {
    document.querySelectorAll(TOGGLE).forEach((toggle) => {
      toggle.addEventListener("click", (event) => {
        event.preventDefault();
        if (toggle.classList.contains("show")) close(toggle);
        else open(toggle);
      });
    });
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", closeOthers);
    document.addEventListener("keyup", closeOthers);
  }

  function runBackToTop() {
    const button = document.getElementById("pst-back-to-top");
    const header = document.querySelector(".bd-header");
    if (!button || !header) return;
    button.addEventListener("click", () => {
      document.body.scrollTop = 0;
      document.documentElement.scrollTop = 0;
    });
    const headerBottom = header.getBoundingClientRect().bottom;
    let lastScroll = window.scrollY;
    window.addEventListener("scroll", () => {
      const goingUp = lastScroll > window.scrollY && window.scrollY > headerBottom;
      button.style.display = goingUp ? "block" : "none";
      lastScroll = window.scrollY;
    });
  }

  let started = false;
  function start() {
    if (started) return;
    started = true;
    runActions();
    if (window.bootstrap) return; // the page loads Bootstrap, which does the menus and "Back to top"
    runDropdowns();
    runBackToTop();
  }

  // Not before DOMContentLoaded, when every deferred script (bootstrap.js among them, if any) has run.
  if (document.readyState === "complete") start();
  document.addEventListener("DOMContentLoaded", start);
  window.addEventListener("load", start);
})();
