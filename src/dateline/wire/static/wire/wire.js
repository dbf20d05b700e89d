// The wire screen: new items arrive without a reload; choosing one previews it;
// "Post to a live blog" goes through the same API as the app. Flash lists on the
// live desks follow new flashes the same way.
(function () {
  "use strict";
  var root = document.getElementById("wire");
  var csrf = root ? root.dataset.csrf : "";

  function poll(list, url, every) {
    var newest = function () {
      var ids = Array.prototype.map.call(list.querySelectorAll("[data-id]"), function (el) { return +el.dataset.id; });
      return Math.max.apply(null, ids.concat([+(list.dataset.newest || 0)]));
    };
    function tick() {
      var sep = url.indexOf("?") === -1 ? "?" : "&";
      fetch(url + sep + "after=" + newest(), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) {
          if (!html.trim()) return;
          var holder = document.createElement("ol");
          holder.innerHTML = html;
          var rows = Array.prototype.slice.call(holder.children);
          rows.reverse().forEach(function (row) {
            if (list.querySelector('[data-id="' + row.dataset.id + '"]')) return;
            row.classList.add("wire-item--new");
            list.insertBefore(row, list.firstChild);
          });
          var empty = document.getElementById("wire-empty");
          if (empty) empty.remove();
          var status = document.getElementById("wire-status");
          if (status) status.textContent = rows.length + " " + (root.dataset.textNew || "new");
        })
        .catch(function () {})
        .then(function () { setTimeout(tick, every); });
    }
    setTimeout(tick, every);
  }

  function bindLiveForm(pane) {
    var form = pane.querySelector("#wire-live-form");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = form.querySelector("#wire-live-status");
      fetch(form.dataset.api, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ blog: +form.querySelector("select").value })
      }).then(function (r) { return r.json().then(function (body) { return [r.ok, body]; }); })
        .then(function (result) {
          status.textContent = result[0] ? form.dataset.textDone : form.dataset.textFailed + " " + (result[1].detail || "");
        });
    });
  }

  var list = document.getElementById("wire-items");
  var pane = document.getElementById("wire-preview");
  if (list && root.dataset.newerUrl) {
    list.dataset.newest = root.dataset.newest;
    poll(list, root.dataset.newerUrl + window.location.search, 3000);
    list.addEventListener("click", function (event) {
      var link = event.target.closest(".wire-item__link");
      if (!link) return;
      event.preventDefault();
      Array.prototype.forEach.call(list.querySelectorAll("[aria-current]"), function (el) { el.removeAttribute("aria-current"); });
      link.parentNode.setAttribute("aria-current", "true");
      fetch(link.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (r) { return r.text(); })
        .then(function (html) { pane.innerHTML = html; bindLiveForm(pane); });
    });
  } else if (pane) {
    bindLiveForm(pane);
  }

  var flashes = document.getElementById("wire-flashes");
  if (flashes) poll(flashes, flashes.dataset.url, 5000);
})();
