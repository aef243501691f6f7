// Moderation queue keyboard: j/k move, a/r/s decide, x selects. Decisions are posted in the
// background and the comment leaves the list, so a moderator never waits for a page load.
(function () {
  "use strict";
  var list = document.querySelector(".nr-queue");
  if (!list) { return; }
  var notice = document.getElementById("notice");
  var current = null;
  var busy = false; // one decision at a time: a key pressed meanwhile must not act on the comment leaving

  function items() { return Array.prototype.slice.call(list.querySelectorAll(".nr-item")); }

  function focusItem(item) {
    if (current) { current.classList.remove("current"); }
    current = item || null;
    if (current) {
      current.classList.add("current");
      current.focus();
    }
  }

  function move(step) {
    var all = items();
    if (all.length === 0) { return; }
    var index = current ? all.indexOf(current) : -1;
    focusItem(all[Math.min(all.length - 1, Math.max(0, index + step))]);
  }

  function decide(form, decision) {
    if (busy) { return; }
    busy = true;
    var data = new FormData(form);
    data.set("Decision", decision);
    var item = form.closest(".nr-item");
    return fetch(form.action, { method: "POST", body: data, headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (result) {
        notice.textContent = result.body.message;
        if (result.ok && item) {
          var all = items();
          var next = all[all.indexOf(item) + 1] || all[all.indexOf(item) - 1];
          item.remove();
          focusItem(next);
        }
      })
      .catch(function () { notice.textContent = "The decision could not be sent; please try again."; })
      .then(function () { busy = false; });
  }

  list.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("nr-actions")) { return; }
    event.preventDefault();
    var button = event.submitter;
    decide(form, button ? button.value : "");
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || event.target.isContentEditable) { return; }
    var keys = { a: "approve", r: "reject", s: "spam" };
    if (event.key === "j") { move(1); }
    else if (event.key === "k") { move(-1); }
    else if (keys[event.key] && current) { decide(current.querySelector("form.nr-actions"), keys[event.key]); }
    else if (event.key === "x" && current) {
      var box = current.querySelector("input[type=checkbox][name=Ids]");
      box.checked = !box.checked;
    } else { return; }
    event.preventDefault();
  });

  // Nothing is chosen until the moderator presses j: a stray key must not decide on a comment they have not read.
})();
