/*
 * Material's inline scripts, moved to a file so that a strict
 * Content-Security-Policy (script-src 'self', no 'unsafe-inline') holds.
 *
 * The same file is included several times per page: once in <head> (storage
 * helpers), then where Material would print each inline script, with
 * data-md-run naming the task (palette, content, announce, outdated, consent).
 * The browser reuses the copy it already has, so this costs one request per
 * visit, not one per task. Each task runs exactly where Material's inline
 * script ran, so the saved colour palette is applied before the page is drawn.
 *
 * In <head> it also:
 * 1. defines Material's storage helpers (__md_get, __md_set, ...), guarded: with
 *    storage blocked (private browsing, blocked cookies, full quota) or holding
 *    corrupt JSON, Material's own versions throw on every page;
 * 2. keeps Material from fetching "<alternate>/sitemap.xml" for each
 *    <link rel="alternate" hreflang>: those point at the twin *page* (on the
 *    public host when site_url is set), so the fetches would fail or leave the
 *    site. The language selector already links to the twin page;
 * 3. holds back the search index until the reader starts to search. Material
 *    downloads it with every page; it is the largest file a first visit would
 *    fetch, and most readers never search.
 */
(function () {
  "use strict";

  var script = document.currentScript;

  /* --- Tasks that replace Material's inline scripts -------------------- */

  // partials/javascripts/palette.html: apply the reader's saved colour palette.
  function restorePalette() {
    var palette = window.__md_get("__palette");
    if (!palette || !palette.color) return;
    if (palette.color.media === "(prefers-color-scheme)") {
      var light = window.matchMedia("(prefers-color-scheme: light)").matches;
      var input = document.querySelector(
        "[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']"
      );
      if (!input) return;
      ["media", "scheme", "primary", "accent"].forEach(function (name) {
        palette.color[name] = input.getAttribute("data-md-color-" + name);
      });
    }
    Object.keys(palette.color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, palette.color[key]);
    });
  }

  // partials/javascripts/content.html: open the content tab the URL points at,
  // and (with content.tabs.link) the tabs the reader chose before.
  function restoreTabs($script) {
    if ($script.hasAttribute("data-md-tabs-link")) {
      var tabs = window.__md_get("__tabs");
      if (Array.isArray(tabs)) {
        document.querySelectorAll(".tabbed-set").forEach(function ($set) {
          var $labels = $set.querySelectorAll(".tabbed-labels label");
          for (var i = 0; i < tabs.length; i++) {
            for (var j = 0; j < $labels.length; j++) {
              if ($labels[j].innerText.trim() === tabs[i]) {
                document.getElementById($labels[j].htmlFor).checked = true;
                return;
              }
            }
          }
        });
      }
    }
    var $target = document.getElementById(location.hash.slice(1));
    if ($target && $target.name) $target.checked = $target.name.indexOf("__tabbed_") === 0;
  }

  // partials/javascripts/announce.html: keep a dismissed announcement hidden.
  function restoreAnnouncement() {
    var $el = document.querySelector("[data-md-component=announce]");
    var $content = $el && $el.querySelector(".md-typeset");
    if ($content && window.__md_hash($content.innerHTML) === window.__md_get("__announce")) {
      $el.hidden = true;
    }
  }

  // partials/javascripts/outdated.html: show the "outdated version" banner.
  function restoreOutdated($script) {
    var $el = document.querySelector("[data-md-component=outdated]");
    var base = new URL($script.getAttribute("data-md-base") || ".", location);
    if ($el && window.__md_get("__outdated", sessionStorage, base) === true) $el.hidden = false;
  }

  // partials/javascripts/consent.html: the cookie consent form.
  function setUpConsent() {
    var form = document.forms.consent;
    if (!form) return;
    var consent = window.__md_get("__consent");
    if (consent) {
      Array.prototype.forEach.call(form.elements, function ($input) {
        if ($input.name) $input.checked = consent[$input.name] || false;
      });
    } else if (location.protocol !== "file:") {
      setTimeout(function () {
        document.querySelector("[data-md-component=consent]").hidden = false;
      }, 250);
    }
    ["submit", "reset"].forEach(function (action) {
      form.addEventListener(action, function (event) {
        event.preventDefault();
        if (event.type === "reset") {
          Array.prototype.forEach.call(form.elements, function ($input) {
            if ($input.name) $input.checked = false;
          });
        }
        var chosen = {};
        new FormData(form).forEach(function (value, key) {
          chosen[key] = true;
        });
        window.__md_set("__consent", chosen);
        location.hash = "";
        location.reload();
      });
    });
  }

  var tasks = {
    palette: restorePalette,
    content: restoreTabs,
    announce: restoreAnnouncement,
    outdated: restoreOutdated,
    consent: setUpConsent,
  };

  var run = script && script.getAttribute("data-md-run");
  if (run) {
    try {
      if (tasks[run]) tasks[run](script);
    } catch (error) {
      /* a failed enhancement leaves the page as the server sent it */
    }
    return;
  }

  /* --- In <head>: storage helpers ---------------------------------------- */

  var scope = new URL(script ? script.getAttribute("data-md-scope") || "." : ".", location);

  function storageOrNull(storage) {
    try {
      return storage === undefined ? window.localStorage : storage;
    } catch (error) {
      return null;
    }
  }

  window.__md_scope = scope;
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(
      value,
      function (hash, char) {
        return (hash << 5) - hash + char.charCodeAt(0);
      },
      0
    );
  };
  window.__md_get = function (key, storage, base) {
    try {
      var store = storageOrNull(storage);
      return store ? JSON.parse(store.getItem((base || scope).pathname + "." + key)) : null;
    } catch (error) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      var store = storageOrNull(storage);
      if (store) store.setItem((base || scope).pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      /* storage full or blocked: the setting lasts for this page only */
    }
  };

  // Material asks for search/search_index.json as it starts. The request waits until
  // the reader reaches the search box (focus, tap, or the search toggle on small
  // screens); a page opened from a search result (?h=...) needs it at once, to
  // highlight the words. From file://, Material loads the index as a script instead.
  (function deferSearchIndex() {
    var XHR = window.XMLHttpRequest;
    if (!XHR || /[?&]h=/.test(location.search)) return;
    var open = XHR.prototype.open;
    var send = XHR.prototype.send;
    var started = false;
    var waiting = [];
    var deferred = typeof WeakSet === "function" ? new WeakSet() : null;
    if (!deferred) return;

    function start() {
      if (started) return;
      started = true;
      waiting.splice(0).forEach(function (go) {
        go();
      });
    }

    XHR.prototype.open = function (method, url) {
      if (!started && /\/search\/search_index\.json$/.test(String(url))) deferred.add(this);
      return open.apply(this, arguments);
    };
    XHR.prototype.send = function () {
      if (!started && deferred.has(this)) {
        var xhr = this;
        var args = arguments;
        waiting.push(function () {
          send.apply(xhr, args);
        });
        return;
      }
      return send.apply(this, arguments);
    };

    function inSearch(event) {
      var $target = event.target;
      return $target && $target.closest && $target.closest(".md-search, label[for=__search]");
    }
    document.addEventListener("focusin", function (event) {
      if (inSearch(event)) start();
    });
    document.addEventListener(
      "pointerdown",
      function (event) {
        if (inSearch(event)) start();
      },
      true
    );
    document.addEventListener("change", function (event) {
      if (event.target && event.target.id === "__search") start();
    });
  })();

  // Material reads link[rel=alternate] once, on DOMContentLoaded. This listener is
  // registered before Material's, so it hides the hreflang links during that read
  // and puts them back straight after, for crawlers that render the page.
  document.addEventListener("DOMContentLoaded", function () {
    var links = document.querySelectorAll("link[rel=alternate][hreflang]");
    Array.prototype.forEach.call(links, function (link) {
      link.setAttribute("rel", "x-alternate-hidden");
    });
    setTimeout(function () {
      Array.prototype.forEach.call(links, function (link) {
        link.setAttribute("rel", "alternate");
      });
    }, 0);
  });
})();
