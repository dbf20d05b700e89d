/* The live desk: publish with Ctrl+Enter, see colleagues' posts arrive, edit,
 * pin, mark key events and delete. Everything goes through the public API
 * (session and CSRF), and the feed follows the blog's events. Each post shows
 * only the tools the person at the desk may use, as the server renders them. */
(function () {
  "use strict";
  var desk = document.getElementById("desk");
  if (!desk) return;
  var api = desk.dataset.api;
  var text = desk.dataset;
  var lastSeq = parseInt(desk.dataset.lastSeq, 10) || 0;
  var epoch = desk.dataset.epoch || "";  // qualifies lastSeq: "<epoch>-<seq>"
  var form = document.getElementById("desk-form");
  var body = document.getElementById("desk-body");
  var keyEvent = document.getElementById("desk-key-event");
  var publishButton = document.getElementById("desk-publish");
  var status = document.getElementById("desk-status");
  var error = document.getElementById("desk-error");
  var preview = document.getElementById("desk-preview");
  var feed = document.getElementById("desk-posts");
  var busy = false;

  function call(method, url, payload) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": desk.dataset.csrf },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    }).then(function (response) {
      if (response.status === 204) return { ok: true, status: 204, body: null };
      return response.json().then(function (json) {
        return { ok: response.ok, status: response.status, body: json };
      }, function () { return { ok: response.ok, status: response.status, body: {} }; });
    });
  }

  function problemText(result) {
    var b = result.body || {};
    var fields = b.fields ? Object.keys(b.fields).map(function (k) { return b.fields[k].join(" "); }).join(" ") : "";
    return fields || b.detail || b.title || ("Error " + result.status);
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = (html || "").trim();
    return template.content.firstElementChild;
  }

  /* Composer ------------------------------------------------------------- */

  var photo = document.getElementById("id_desk-image");

  // Wagtail's photo chooser is a modal; when it closes, the reporter is back in the
  // composer, ready to publish, rather than nowhere on the page.
  var photoChooser = document.getElementById("id_desk-image-chooser");
  if (photoChooser && window.jQuery) {
    var choosing = false;
    photoChooser.addEventListener("click", function () { choosing = true; });
    window.jQuery(document).on("hidden.bs.modal", function () {
      var active = document.activeElement;
      if (choosing && (!active || active === document.body)) body.focus();
      choosing = false;
    });
  }

  function clearPhoto() {
    // Wagtail's chooser widget resets its input, title and thumbnail itself.
    if (photo && photo.value && photoChooser && photoChooser.widget) photoChooser.widget.clear();
  }

  function publish() {
    if (busy || !body.value.trim()) {
      if (!body.value.trim()) error.textContent = text.textEmpty;
      return;
    }
    busy = true;
    publishButton.disabled = true;
    error.textContent = "";
    var payload = { body: body.value, key_event: keyEvent ? keyEvent.checked : false };
    if (photo && photo.value) payload.image_id = parseInt(photo.value, 10);
    if (translationOf) payload.translation_of = translationOf;
    call("POST", api + "/posts", payload).then(function (result) {
      busy = false;
      publishButton.disabled = false;
      if (!result.ok) { error.textContent = problemText(result); return; }
      body.value = "";
      if (keyEvent) keyEvent.checked = false;
      clearPhoto();
      translating(null, "");
      preview.innerHTML = "";
      status.textContent = text.textPublished;
      body.focus();
      poll();
    }, function () {
      busy = false;
      publishButton.disabled = false;
      error.textContent = text.textOffline;
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); publish(); });
  // Anywhere in the composer, the photo chooser's buttons included.
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); publish(); }
  });

  var previewTimer = null;
  body.addEventListener("input", function () {
    status.textContent = "";
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(function () {
      var data = new FormData();
      data.append("body", body.value);
      fetch(desk.dataset.previewUrl, {
        method: "POST", credentials: "same-origin", body: data,
        headers: { "X-CSRFToken": desk.dataset.csrf },
      }).then(function (r) { return r.json(); }).then(function (json) { preview.innerHTML = json.html; });
    }, 250);
  });

  /* The feed ------------------------------------------------------------- */

  function itemFor(id) { return feed.querySelector('.desk-post[data-post-id="' + id + '"]'); }

  function buildItem(post, html) {
    var item = document.createElement("li");
    item.className = "desk-post";
    var content = document.createElement("div");
    content.className = "desk-post__content";
    item.appendChild(content);
    var tools = document.createElement("div");
    tools.className = "desk-post__tools";
    item.appendChild(tools);
    updateItem(item, post, html);
    loadTools(item);
    return item;
  }

  // Which tools a post gets (edit and delete one's own or, for editors, anyone's;
  // pin and key event for editors) is the server's decision: ask it.
  function loadTools(item) {
    var url = desk.dataset.toolsUrl.replace("/posts/0/", "/posts/" + item.dataset.postId + "/");
    fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (html) {
      var tools = fragment(html);
      var old = item.querySelector(".desk-post__tools");
      if (tools && old) old.replaceWith(tools);
    }).catch(function () { /* no tools until the desk is reloaded */ });
  }

  function setText(item, action, value) {
    var button = item.querySelector('[data-action="' + action + '"]');
    if (button) button.textContent = value;
  }

  function updateItem(item, post, html) {
    item.dataset.postId = post.id;
    item.dataset.revision = post.revision;
    item.dataset.pinned = post.is_pinned ? "true" : "false";
    item.dataset.keyEvent = post.is_key_event ? "true" : "false";
    var content = item.querySelector(".desk-post__content");
    if (html && !item.querySelector(".desk-post__editor")) {
      content.innerHTML = "";
      content.appendChild(fragment(html));
    }
    setText(item, "pin", post.is_pinned ? text.textUnpin : text.textPin);
    setText(item, "key", post.is_key_event ? text.textUnkey : text.textKey);
  }

  function apply(event) {
    var item = event.post_id ? itemFor(event.post_id) : null;
    switch (event.type) {
      case "post_published":
        if (event.post && event.post.translation_of) refreshTwins();
        if (!item && event.post) {
          item = buildItem(event.post, event.html);
          item.classList.add("desk-post--new");
          feed.insertBefore(item, feed.firstChild);
        }
        break;
      case "post_deleted":
        if (item) item.remove();
        refreshTwins();
        break;
      case "summary_changed":
        break;
      case "coverage_opened":
      case "coverage_closed":
        setCoverage(event.type === "coverage_opened" ? "live" : "ended");
        break;
      default:
        if (item && event.post) updateItem(item, event.post, event.html);
    }
  }

  var polling = false;
  function poll() {
    if (polling) return;
    polling = true;
    var after = epoch ? epoch + "-" + lastSeq : String(lastSeq);
    fetch(api + "/events?after=" + encodeURIComponent(after), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        polling = false;
        if (data.reset) { window.location.reload(); return; }
        data.events.forEach(function (event) {
          if (event.seq > lastSeq) { apply(event); lastSeq = event.seq; }
        });
      }, function () { polling = false; });
  }
  window.setInterval(poll, 1000);

  /* Post tools ----------------------------------------------------------- */

  feed.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var item = button.closest(".desk-post");
    var id = item.dataset.postId;
    var url = api + "/posts/" + id;
    var action = button.dataset.action;
    if (action === "delete") {
      if (!window.confirm(text.textConfirmDelete)) return;
      call("DELETE", url).then(function (result) {
        if (result.ok) { item.remove(); poll(); } else window.alert(problemText(result));
      });
    } else if (action === "pin") {
      call("PATCH", url, { pinned: item.dataset.pinned !== "true" }).then(after(item));
    } else if (action === "key") {
      var marking = item.dataset.keyEvent !== "true";
      var title = marking ? window.prompt(text.textKeyTitle, "") : "";
      if (title === null) return;
      call("PATCH", url, { key_event: marking, key_event_title: title }).then(after(item));
    } else if (action === "edit") {
      openEditor(item);
    } else if (action === "save") {
      save(item);
    } else if (action === "cancel") {
      closeEditor(item);
      poll();
    }
  });

  function after(item) {
    return function (result) {
      if (!result.ok) { window.alert(problemText(result)); return; }
      updateItem(item, result.body, null);
      poll();
    };
  }

  function openEditor(item) {
    if (item.querySelector(".desk-post__editor")) return;
    var sourceUrl = desk.dataset.sourceUrl.replace("/posts/0/", "/posts/" + item.dataset.postId + "/");
    fetch(sourceUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (post) {
      var editor = document.createElement("div");
      editor.className = "desk-post__editor";
      editor.dataset.revision = post.revision;
      var label = "edit-" + post.id;
      editor.innerHTML = '<label class="visually-hidden" for="' + label + '"></label><textarea rows="5" id="' + label + '"></textarea>' +
        '<div class="desk-post__conflict" hidden role="alert"></div>' +
        '<button type="button" class="button button-small" data-action="save"></button> ' +
        '<button type="button" class="button button-small button-secondary" data-action="cancel"></button>';
      editor.querySelector("label").textContent = text.textEdit;
      editor.querySelector("textarea").value = post.body_source;
      editor.querySelector('[data-action="save"]').textContent = text.textSave;
      editor.querySelector('[data-action="cancel"]').textContent = text.textCancel;
      item.appendChild(editor);
      editor.querySelector("textarea").focus();
      editor.querySelector("textarea").addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save(item); }
      });
    });
  }

  function closeEditor(item) {
    var editor = item.querySelector(".desk-post__editor");
    if (editor) editor.remove();
  }

  function save(item) {
    var editor = item.querySelector(".desk-post__editor");
    var revision = parseInt(editor.dataset.revision, 10);
    var value = editor.querySelector("textarea").value;
    call("PATCH", api + "/posts/" + item.dataset.postId, { body: value, revision: revision }).then(function (result) {
      var conflict = editor.querySelector(".desk-post__conflict");
      if (result.status === 409) {
        // Never overwrite silently: show theirs, keep ours, and let the writer decide.
        var current = result.body.current;
        editor.dataset.revision = current.revision;
        conflict.innerHTML = "";
        var message = document.createElement("p");
        message.textContent = text.textConflict;
        conflict.appendChild(message);
        var theirs = document.createElement("div");
        theirs.className = "live-post__body";
        theirs.innerHTML = current.body;
        conflict.appendChild(theirs);
        conflict.hidden = false;
        return;
      }
      if (!result.ok) { conflict.textContent = problemText(result); conflict.hidden = false; return; }
      closeEditor(item);
      poll();
    });
  }

  /* The blog in other languages ------------------------------------------ */

  // The desk lists its twins' posts not yet translated here, key events flagged,
  // and follows each twin's events to keep that list current.
  var translationOf = null;
  var translatingBox = document.getElementById("desk-translating");

  function translating(id, headline) {
    translationOf = id;
    translatingBox.hidden = !id;
    document.getElementById("desk-translating-headline").textContent = headline;
  }
  document.getElementById("desk-translating-cancel").addEventListener("click", function () {
    translating(null, "");
    body.focus();
  });

  function twinsList() { return document.getElementById("desk-twins"); }

  function refreshTwins() {
    if (!twinsList()) return;
    fetch(desk.dataset.twinsUrl, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (html) {
      var list = twinsList();
      var fresh = fragment(html);
      if (list && fresh) list.replaceWith(fresh);
    }).catch(function () { /* kept as it was until the next change */ });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-translate]");
    if (!button || !twinsList() || !twinsList().contains(button)) return;
    translating(parseInt(button.dataset.translate, 10), button.dataset.headline);
    body.focus();
  });

  var twinFeeds = JSON.parse((document.getElementById("desk-twin-feeds") || {}).textContent || "[]");
  function pollTwin(twin) {
    if (twin.polling) return;
    twin.polling = true;
    var after = twin.epoch + "-" + twin.last_seq;
    fetch(twin.api + "/events?after=" + encodeURIComponent(after), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        twin.polling = false;
        var changed = data.reset || data.events.length > 0;
        twin.epoch = data.epoch;
        twin.last_seq = data.last_seq;
        if (changed) refreshTwins();
      }, function () { twin.polling = false; });
  }
  if (twinFeeds.length) {
    window.setInterval(function () { twinFeeds.forEach(pollTwin); }, 2000);
  }

  /* Coverage and summary (editors) -------------------------------------- */

  var coverageStatus = document.getElementById("desk-coverage-status");
  var coverageToggle = document.getElementById("desk-coverage-toggle");
  function setCoverage(state) {
    coverageStatus.dataset.status = state;
    var live = state === "live";
    body.disabled = publishButton.disabled = !live;
    if (coverageToggle) coverageToggle.textContent = live ? coverageToggle.dataset.textClose : coverageToggle.dataset.textOpen;
  }
  if (coverageToggle) {
    coverageToggle.addEventListener("click", function () {
      var open = coverageStatus.dataset.status !== "live";
      call("PATCH", api, { status: open ? "live" : "ended" }).then(function (result) {
        if (!result.ok) { window.alert(problemText(result)); return; }
        setCoverage(result.body.status);
        coverageStatus.textContent = "";
        poll();
      });
    });
    document.getElementById("desk-summary-save").addEventListener("click", function () {
      call("PATCH", api, { summary: document.getElementById("desk-summary").value }).then(function (result) {
        if (!result.ok) { window.alert(problemText(result)); return; }
        status.textContent = text.textPublished;
        poll();
      });
    });
  }
})();
