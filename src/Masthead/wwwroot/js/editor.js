// Article editor: the preview follows the Markdown as it is typed, rendered (and sanitized) by
// the server so that it matches the published page exactly.
(function () {
  "use strict";
  var form = document.getElementById("article-form");
  var body = document.getElementById("body");
  var preview = document.getElementById("preview");
  if (!form || !body || !preview) { return; }
  var token = form.querySelector("input[name=__csrf]").value;
  var timer = null;
  var sent = 0;

  function render() {
    var ticket = ++sent;
    var data = new FormData();
    data.set("markdown", body.value);
    fetch("/newsroom/api/preview", { method: "POST", body: data, headers: { "X-CSRF-Token": token }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) { if (ticket === sent) { preview.innerHTML = html; } })
      .catch(function () { /* the preview button still works without the live one */ });
  }

  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  });
  render();
})();
