/* Live blog: applies events from the stream without reloading the page.
 * Without this script (or without EventSource) the page still reads in full,
 * and a link reloads it. */

/* "Load older posts" adds the next page of posts below the others, in place;
 * without this script it is a link to that page. Posts loaded this way get
 * live edits and deletions like the rest. */
(function () {
  "use strict";
  var root = document.getElementById("live-posts");
  var older = document.getElementById("live-older");
  if (!root || !older || !window.fetch || !window.DOMParser) return;

  older.addEventListener("click", function (event) {
    event.preventDefault();
    if (older.getAttribute("aria-busy") === "true") return;
    older.setAttribute("aria-busy", "true");
    fetch(older.href, { headers: { Accept: "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var first = null;
        page.querySelectorAll("#live-posts > .live-post").forEach(function (post) {
          if (document.getElementById(post.id)) return;  // already here (it moved down)
          var copy = document.importNode(post, true);
          root.appendChild(copy);
          first = first || copy;
        });
        var next = page.getElementById("live-older");
        if (next) {
          older.setAttribute("href", next.getAttribute("href"));
          older.removeAttribute("aria-busy");
        } else {
          older.parentNode.remove();
        }
        if (first) {  // keyboard and screen-reader users go on reading from there
          first.setAttribute("tabindex", "-1");
          first.focus();
        }
      })
      .catch(function () { window.location.href = older.href; });
  });
})();

(function () {
  "use strict";
  var root = document.getElementById("live-posts");
  if (!root || root.dataset.live !== "true" || !window.EventSource || !window.fetch) return;

  var lastSeq = parseInt(root.dataset.lastSeq, 10) || 0;
  // The blog's epoch qualifies sequence numbers: a position is "<epoch>-<seq>",
  // and the server resets one from another epoch (a restored database, say).
  var epoch = root.dataset.epoch || "";
  var pending = [];
  var waiting = [];
  var catchingUp = false;
  var newBox = document.getElementById("live-new");
  var newButton = document.getElementById("live-new-button");
  var announcer = document.getElementById("live-announcer");
  var reload = document.getElementById("live-reload");
  var pinned = document.getElementById("live-pinned");
  var keyEvents = document.querySelector(".key-events");
  var keyList = document.getElementById("key-events-list");
  var TYPES = ["post_published", "post_edited", "post_deleted", "post_pinned", "post_unpinned",
    "key_event_marked", "key_event_unmarked", "summary_changed", "coverage_opened", "coverage_closed"];

  if (reload) reload.hidden = true;

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = (html || "").trim();
    return template.content.firstElementChild;
  }

  function readerIsAtTop() {
    return root.getBoundingClientRect().top > -40;
  }

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function showPendingButton() {
    if (!pending.length) { newBox.hidden = true; return; }
    var text = pending.length === 1 ? root.dataset.textNewOne
      : root.dataset.textNewMany.replace("COUNT", pending.length);
    newButton.textContent = text;
    newBox.hidden = false;
  }

  function replacePost(id, html) {
    var el = document.getElementById("post-" + id);
    if (el && html) el.replaceWith(fragment(html));
    pending = pending.map(function (p) { return p.dataset.postId === String(id) && html ? fragment(html) : p; });
    var pin = document.getElementById("pinned-post-" + id);
    if (pin && html) { var copy = fragment(html); copy.id = "pinned-post-" + id; pin.replaceWith(copy); }
  }

  function removePost(id) {
    ["post-", "pinned-post-"].forEach(function (prefix) {
      var el = document.getElementById(prefix + id);
      if (el) el.remove();
    });
    if (pinned && !pinned.querySelector(".live-post")) pinned.hidden = true;
    pending = pending.filter(function (p) { return p.dataset.postId !== String(id); });
    showPendingButton();
    removeKeyEvent(id);
  }

  function removeKeyEvent(id) {
    var item = keyList && keyList.querySelector('li[data-post-id="' + id + '"]');
    if (item) item.remove();
    if (keyEvents && keyList && !keyList.children.length) keyEvents.hidden = true;
  }

  function addKeyEvent(post) {
    if (!keyList) return;
    removeKeyEvent(post.id);
    var item = document.createElement("li");
    item.dataset.postId = post.id;
    var link = document.createElement("a");
    link.href = post.url;
    var time = document.querySelector("#post-" + post.id + " time");
    if (time) { link.appendChild(time.cloneNode(true)); link.appendChild(document.createTextNode(" ")); }
    link.appendChild(document.createTextNode(post.headline));
    item.appendChild(link);
    keyList.insertBefore(item, keyList.firstChild);
    keyEvents.hidden = false;
  }

  function apply(event) {
    var id = event.post_id;
    switch (event.type) {
      case "post_published": {
        if (document.getElementById("post-" + id) || !event.html) break;
        var empty = document.getElementById("live-empty");
        if (empty) empty.remove();
        var el = fragment(event.html);
        if (readerIsAtTop() && !pending.length) root.insertBefore(el, root.firstChild);
        else { pending.unshift(el); showPendingButton(); }
        announce(root.dataset.textAnnounce + ": " + (event.post ? event.post.headline : ""));
        break;
      }
      case "post_edited":
      case "key_event_unmarked":
        replacePost(id, event.html);
        if (event.type === "key_event_unmarked") removeKeyEvent(id);
        break;
      case "key_event_marked":
        replacePost(id, event.html);
        if (event.post) addKeyEvent(event.post);
        break;
      case "post_deleted":
        removePost(id);
        break;
      case "post_pinned": {
        replacePost(id, event.html);
        var copy = fragment(event.html);
        if (copy && pinned) {
          copy.id = "pinned-post-" + id;
          pinned.querySelectorAll(".live-post").forEach(function (p) { p.remove(); });
          pinned.appendChild(copy);
          pinned.hidden = false;
        }
        break;
      }
      case "post_unpinned": {
        replacePost(id, event.html);
        var old = document.getElementById("pinned-post-" + id);
        if (old) { old.remove(); pinned.hidden = true; }
        break;
      }
      case "summary_changed":
      case "coverage_opened":
      case "coverage_closed": {
        var target = document.getElementById(event.type === "summary_changed" ? "live-summary" : "live-status");
        var replacement = fragment(event.html);
        if (target && replacement) target.replaceWith(replacement);
        break;
      }
    }
  }

  function receive(event) {
    if (event.seq <= lastSeq) return;           // already applied
    if (catchingUp) { waiting.push(event); return; }
    if (event.seq > lastSeq + 1) {               // a gap: fetch the missing range first
      waiting.push(event);
      catchUp();
      return;
    }
    apply(event);
    lastSeq = event.seq;
  }

  function position() {
    return encodeURIComponent(epoch ? epoch + "-" + lastSeq : String(lastSeq));
  }

  function catchUp() {
    catchingUp = true;
    fetch(root.dataset.eventsUrl + "?after=" + position(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        if (data.reset) { window.location.reload(); return; }
        catchingUp = false;
        data.events.concat(waiting.splice(0)).sort(function (a, b) { return a.seq - b.seq; })
          .forEach(receive);
      })
      .catch(function () {
        catchingUp = false;
        if (!polling) window.setTimeout(catchUp, 3000);  // polling tries again anyway
      });
  }

  newButton.addEventListener("click", function () {
    pending.slice().reverse().forEach(function (el) { root.insertBefore(el, root.firstChild); });
    var first = pending[0];
    pending = [];
    showPendingButton();
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus();
    }
  });

  var source = new EventSource(root.dataset.streamUrl + "?after=" + position());
  TYPES.forEach(function (type) {
    source.addEventListener(type, function (message) {
      try { receive(JSON.parse(message.data)); } catch (e) { /* a malformed message is skipped */ }
    });
  });
  source.addEventListener("reset", function () {
    source.close();
    window.location.reload();
  });
  // EventSource gives up on a stream the server refuses (too many open from
  // this address, say): the page then follows the blog by polling.
  var polling = null;
  source.addEventListener("error", function () {
    if (source.readyState !== EventSource.CLOSED || polling) return;
    polling = window.setInterval(function () { if (!catchingUp) catchUp(); }, 10000);
  });
})();
