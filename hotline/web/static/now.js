// Now: fetch the queue every 10 seconds and show what changed, without a reload. The
// title counts the waiting items. Open timelines stay open; nothing is replaced while
// the keyboard focus is inside the queue or a reply is being written (the next round does it).
(function () {
  "use strict";
  var EVERY_MS = 10000;
  var box = document.getElementById("queue");
  if (!box || !window.fetch || !window.DOMParser) {
    return;
  }
  var source = box.getAttribute("data-source");
  var last = box.innerHTML;

  function apply(fresh) {
    var inner = fresh.querySelector(".queue");
    if (!inner) {
      return;
    }
    document.title = inner.getAttribute("data-title") || document.title;
    if (fresh.body.innerHTML === last || box.contains(document.activeElement) || drafting()) {
      return;
    }
    var open = [];
    box.querySelectorAll("details[open]").forEach(function (d) { open.push(d.id); });
    box.replaceChildren.apply(box, Array.prototype.slice.call(fresh.body.childNodes));
    last = fresh.body.innerHTML;
    open.forEach(function (id) {
      var d = document.getElementById(id);
      if (d) { d.open = true; }
    });
  }

  // A reply typed but not sent yet is never thrown away by a refresh.
  function drafting() {
    return Array.prototype.some.call(box.querySelectorAll("textarea"), function (t) {
      return t.value !== t.defaultValue;
    });
  }

  function poll() {
    fetch(source, { credentials: "same-origin", redirect: "manual", cache: "no-store" })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
          window.location.reload(); // signed out: the page itself leads to sign-in
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && html !== undefined) {
          apply(new DOMParser().parseFromString(html, "text/html"));
        }
      })
      .catch(function () { /* offline for a moment: try again next round */ })
      .finally(function () { window.setTimeout(poll, EVERY_MS); });
  }

  window.setTimeout(poll, EVERY_MS);
}());
