/*
 * Material's inline scripts, moved to a file so that a strict
 * Content-Security-Policy (script-src 'self', no 'unsafe-inline') holds.
 *
 * The same file is included several times per page: once in <head> (storage
 * helpers), then where Material would print each inline script, with
 * data-md-run naming the task (palette, content, announce, outdated, consent).
 * The browser reuses the copy it already has, so this costs one request per
 * visit, not one per task. Each task runs exactly where Material's inline
 * script ran, so the colour palette is applied before the page is drawn. The
 * palette task also runs the palette toggle, in place of Material's component.
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
 *    fetch, and most readers never search;
 * 4. starts Material's bundle once the page is drawn.
 */
(function () {
  "use strict";

  var script = document.currentScript;

  /* --- Tasks that replace Material's inline scripts -------------------- */

  // partials/javascripts/palette.html, just after the palette form: the colour
  // palette and its toggle, in place of Material's palette component (see
  // partials/palette.html). The palette is the one the reader chose, saved as
  // Material saves it, or else the first whose media query matches the system
  // setting; it is applied here, before the page is drawn. Until the reader
  // chooses, the page follows changes of the system setting.
  function setUpPalette() {
    var $form = document.querySelector("form[data-module=mdx-palette]");
    var $inputs = $form ? $form.querySelectorAll("input[name=__palette]") : [];
    var current = -1;

    function colourOf(index) {
      var $input = $inputs[index];
      var media = $input.getAttribute("data-md-color-media");
      if (media === "(prefers-color-scheme)") {
        // Material's "follow the system" option: take the light or dark palette.
        var light = window.matchMedia("(prefers-color-scheme: light)").matches;
        var $match = $form.querySelector(
          "[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']"
        );
        if ($match) $input = $match;
      }
      var colour = { media: media };
      ["scheme", "primary", "accent"].forEach(function (key) {
        colour[key] = $input.getAttribute("data-md-color-" + key);
      });
      return colour;
    }

    function chosenIndex() {
      var saved = window.__md_get("__palette");
      if (saved && typeof saved.index === "number" && $inputs[saved.index]) return saved.index;
      for (var i = 0; i < $inputs.length; i++) {
        if (window.matchMedia($inputs[i].getAttribute("data-md-color-media")).matches) return i;
      }
      return 0;
    }

    // Only attributes that change are set: each change restyles the whole page.
    function apply(index, save) {
      var colour = colourOf(index);
      Object.keys(colour).forEach(function (key) {
        var name = "data-md-color-" + key;
        if (document.body.getAttribute(name) !== colour[key]) document.body.setAttribute(name, colour[key]);
      });
      if (index !== current) {
        current = index;
        $inputs[index].checked = true;
        // Each label switches to the next palette: show the current palette's one.
        Array.prototype.forEach.call($inputs, function ($input, i) {
          var $label = $input.nextElementSibling;
          if ($label && $label.tagName === "LABEL") $label.hidden = i !== index;
        });
      }
      if (save) window.__md_set("__palette", { index: index, color: colour });
    }

    // The browser's interface (address bar) takes the header's colour. Read once the
    // page is drawn, when reading a style costs nothing.
    var $themeColor = null;
    function updateThemeColor() {
      var $header = document.querySelector(".md-header");
      var rgb = $header && window.getComputedStyle($header).backgroundColor.match(/\d+/g);
      if (!rgb) return;
      if (!$themeColor) {
        $themeColor = document.createElement("meta");
        $themeColor.name = "theme-color";
        document.head.appendChild($themeColor);
      }
      $themeColor.content = "#" + rgb.slice(0, 3).map(function (value) {
        return ("0" + (+value).toString(16)).slice(-2);
      }).join("");
    }

    if (!$inputs.length) {
      // No toggle on this page: apply a saved palette, as Material's script did.
      var saved = window.__md_get("__palette");
      if (saved && saved.color) {
        Object.keys(saved.color).forEach(function (key) {
          document.body.setAttribute("data-md-color-" + key, saved.color[key]);
        });
      }
      return;
    }
    apply(chosenIndex(), false);

    $form.addEventListener("change", function (event) {
      var index = Array.prototype.indexOf.call($inputs, event.target);
      if (index < 0) return;
      // Material's stylesheet turns transitions off while this attribute is set.
      document.body.setAttribute("data-md-color-switching", "");
      apply(index, true);
      setTimeout(function () {
        document.body.removeAttribute("data-md-color-switching");
        updateThemeColor();
      }, 0);
    });
    // As in Material: Enter on the focused option moves to the next palette.
    $form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var $next = $inputs[(current + 1) % $inputs.length];
      $next.click();
      $next.focus();
    });
    Array.prototype.forEach.call($inputs, function ($input) {
      var query = window.matchMedia($input.getAttribute("data-md-color-media"));
      if (typeof query.addEventListener !== "function") return;
      // Re-applying changes nothing when the reader chose a fixed palette.
      query.addEventListener("change", function () {
        apply(chosenIndex(), false);
      });
    });
    window.addEventListener("load", function () {
      window.requestAnimationFrame(function () {
        setTimeout(updateThemeColor, 0);
      });
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
    palette: setUpPalette,
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

  // Material's bundle starts after the first paint, in two tasks: its script, then
  // its components. overrides/main.html turns its <script> into a preload, so the
  // download starts with the page. Deferred, it ran before the first paint and in
  // one task (30-70 ms here, four times that on a mid-range phone). Material starts
  // its components on DOMContentLoaded, which has fired by then: it gets a copy.
  document.addEventListener("DOMContentLoaded", function (event) {
    var $preload = document.querySelector("link[data-md-bundle]");
    if (!event.isTrusted || !$preload) return;
    // A task queued from an animation frame runs once that frame is drawn.
    window.requestAnimationFrame(function () {
      setTimeout(function () {
        var $bundle = document.createElement("script");
        $bundle.src = $preload.href;
        $bundle.addEventListener("load", function () {
          setTimeout(function () {
            document.dispatchEvent(new Event("DOMContentLoaded"));
          }, 0);
        });
        document.body.appendChild($bundle);
      }, 0);
    });
  });

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
