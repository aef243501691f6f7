// Progressive enhancement for the discussion. Without this file everything still works:
// "Reply" links open the form on the article's own page, and the form posts normally.
// Listeners sit on the document, so they keep working after the discussion is swapped.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser || !document.getElementById("comment-form")) { return; }

  function byId(id) { return document.getElementById(id); }

  function setReply(commentId, name) {
    var respond = byId("respond");
    var title = byId("reply-title");
    byId("comment-reply-to").value = commentId || "";
    title.textContent = "";
    var label = document.createElement("span");
    label.textContent = commentId ? "Reply to " + name : "Leave a comment";
    title.appendChild(label);
    if (commentId) {
      var cancel = document.createElement("a");
      cancel.href = "#respond";
      cancel.className = "cancel-reply";
      cancel.textContent = "Cancel reply";
      title.appendChild(cancel);
      byId("comment-" + commentId).querySelector("article").after(respond);
    } else {
      byId("comments").appendChild(respond);
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) { return; }
    var reply = target.closest(".comment .reply");
    if (reply) {
      event.preventDefault();
      var id = reply.closest(".comment").id.slice("comment-".length);
      setReply(id, byId("by-" + id).textContent);
      byId("comment-body").focus();
    } else if (target.closest(".cancel-reply")) {
      event.preventDefault();
      setReply(null, null);
      byId("comment-body").focus();
    }
  });

  // Votes in place: the buttons submit the page's small "votes" form; the answer's counts replace theirs.
  function vote(form, button) {
    var data = new FormData(form);
    data.append(button.name, button.value);
    button.disabled = true;
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (result.error) { throw new Error(result.error); }
        var holder = button.closest(".votes");
        var up = holder.querySelector(".up");
        var down = holder.querySelector(".down");
        up.textContent = "\u25B2 " + result.up;
        down.textContent = "\u25BC " + result.down;
        up.setAttribute("aria-label", "Up vote, " + result.up + " so far");
        down.setAttribute("aria-label", "Down vote, " + result.down + " so far");
        up.setAttribute("aria-pressed", result.yours > 0 ? "true" : "false");
        down.setAttribute("aria-pressed", result.yours < 0 ? "true" : "false");
      })
      .catch(function () { /* the counts stay as they were */ })
      .then(function () { button.disabled = false; });
  }

  // Post in place: send the form, then swap in the discussion the server answers with.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id === "votes" && event.submitter) {
      event.preventDefault();
      vote(form, event.submitter);
      return;
    }
    if (form.id !== "comment-form") { return; }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (html) { return { url: response.url, html: html }; });
      })
      .then(function (result) {
        var fresh = new DOMParser().parseFromString(result.html, "text/html").getElementById("comments");
        if (!fresh) { throw new Error("no discussion in the answer"); }
        byId("comments").replaceWith(fresh);
        var hash = new URL(result.url).hash;
        var focus = byId("form-errors") || (hash && byId(hash.slice(1)));
        if (focus) {
          focus.setAttribute("tabindex", "-1");
          focus.scrollIntoView({ block: "center" });
          focus.focus();
        }
      })
      .catch(function () { button.disabled = false; form.submit(); });
  });
})();

// Live updates: the server announces newly visible comments (Server-Sent Events); the page offers
// "N new comments" and shows them only when the reader asks, so nothing moves under them.
(function () {
  "use strict";
  var discussion = document.getElementById("comments");
  if (!window.EventSource || !window.fetch || !window.DOMParser || !discussion) { return; }

  var fresh = {};
  var count = 0;
  var status = document.createElement("p");
  status.className = "live-status";
  status.setAttribute("aria-live", "polite");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "new-comments";
  button.hidden = true;

  function place() {
    var list = document.getElementById("comments");
    var title = document.getElementById("comments-title");
    if (title && !list.contains(button)) { title.after(status, button); }
  }

  function show() {
    button.disabled = true;
    fetch(location.pathname + location.search, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var replacement = new DOMParser().parseFromString(html, "text/html").getElementById("comments");
        if (!replacement) { throw new Error("no discussion in the answer"); }
        document.getElementById("comments").replaceWith(replacement);
        fresh = {};
        count = 0;
        button.hidden = true;
        status.textContent = "";
        place();
      })
      .catch(function () { /* the button stays for another try */ })
      .then(function () { button.disabled = false; });
  }

  button.addEventListener("click", show);
  place();

  var source = new EventSource(location.pathname.replace(/\/$/, "") + "/live");
  source.addEventListener("comment", function (event) {
    var id = JSON.parse(event.data).id;
    if (fresh[id] || document.getElementById("comment-" + id)) { return; }
    fresh[id] = true;
    count += 1;
    button.textContent = count === 1 ? "1 new comment: show it" : count + " new comments: show them";
    button.hidden = false;
    status.textContent = count === 1 ? "1 new comment" : count + " new comments";
  });
})();

// Long discussions: "Load more comments" appends the next page's conversations in place; the
// numbered page links underneath keep working without JavaScript.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser) { return; }

  function setUp() {
    var pages = document.querySelector("#comments .comment-pages");
    var next = pages && pages.querySelector("a[rel=next]");
    if (!next || document.querySelector("#comments .load-more")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "load-more";
    button.textContent = "Load more comments";
    pages.before(button);
    button.addEventListener("click", function () {
      button.disabled = true;
      var url = pages.querySelector("a[rel=next]").href;
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var list = document.querySelector("#comments .comment-list");
          var more = doc.querySelectorAll("#comments .comment-list > li");
          var first = more[0];
          more.forEach(function (item) { if (!document.getElementById(item.id)) { list.appendChild(item); } });
          var freshPages = doc.querySelector("#comments .comment-pages");
          if (freshPages) { pages.replaceWith(freshPages); pages = freshPages; }
          button.remove();
          if (first && document.getElementById(first.id)) {
            var target = document.getElementById(first.id);
            target.setAttribute("tabindex", "-1");
            target.focus({ preventScroll: true });
          }
          setUp();
        })
        .catch(function () { button.disabled = false; });
    });
  }

  setUp();
  document.addEventListener("click", function () { setTimeout(setUp, 0); });
})();
