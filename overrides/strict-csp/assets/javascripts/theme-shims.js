/*
 * Material's inline scripts, moved to a file so that a strict
 * Content-Security-Policy (script-src 'self', no 'unsafe-inline') holds. Part of the
 * strict CSP unit (overrides/strict-csp/, hooks/strict_csp_hook.py;
 * tests/theme-boundary.md lists what it relies on in Material).
 *
 * The same file is included several times per page: once in <head> (storage
 * helpers), then where Material would print each inline script, with
 * data-md-run naming the task (palette, content, announce, outdated, consent).
 * The browser reuses the copy it already has, so this costs one request per
 * visit, not one per task. Each task runs exactly where Material's inline
 * script ran.
 *
 * In <head> it also:
 * 1. defines Material's storage helpers (__md_get, __md_set, ...), guarded: with
 *    storage blocked (private browsing, blocked cookies, full quota) or holding
 *    corrupt JSON, Material's own versions throw on every page;
 * 2. keeps Material from fetching "<alternate>/sitemap.xml" for each
 *    <link rel="alternate" hreflang>: those point at the twin *page* (on the
 *    public host when site_url is set), so the fetches would fail or leave the
 *    site. The language selector already links to the twin page;
 * 3. makes the header's menu button usable with a keyboard, and the page behind the
 *    open drawer inert; lets Tab leave the search field as it leaves any other field;
 *    turns off the theme's single-key shortcuts.
 *
 * With the speed switch (extra.strict_csp.speed: data-md-speed on this script; README,
 * "Performance", says what each part buys), in <head> also:
 * 4. applies the colour palette before the page is drawn, and runs the palette
 *    toggle, in place of Material's palette script and component;
 * 5. holds back the search index until the reader starts to search. Material
 *    downloads it with every page; it is the largest file a first visit would
 *    fetch, and most readers never search;
 * 6. starts Material's bundle once the page is drawn.
 */
(function () {
  "use strict";

  var script = document.currentScript;

  /* --- Tasks that replace Material's inline scripts -------------------- */

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

  // partials/javascripts/palette.html (without the speed switch): the palette the reader
  // chose, on <body> before the page is drawn; Material's component runs the toggle.
  function restorePalette() {
    var palette = window.__md_get("__palette");
    if (!palette || !palette.color) return;
    var colour = palette.color;
    if (colour.media === "(prefers-color-scheme)") {
      var light = window.matchMedia("(prefers-color-scheme: light)").matches;
      var $input = document.querySelector(
        "[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']"
      );
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        colour[key] = $input.getAttribute("data-md-color-" + key);
      });
    }
    Object.keys(colour).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, colour[key]);
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

  /* --- In <head>: the colour palette and its toggle ----------------------- */

  // In place of Material's palette script and component (partials/palette.html).
  // The palettes of mkdocs.yml come in data-md-palettes, in the toggle's order. The
  // palette is the one the reader chose, saved as Material saves it, or else the
  // first whose media query matches the system setting. It goes on <body> as soon as
  // the parser creates it, before the page is drawn: a script inside <body> made
  // Chromium draw the header alone, then the text a frame later. The toggle is set
  // up once the page is parsed. Until the reader chooses, the page follows changes
  // of the system setting.
  function setUpPalette() {
    var palettes;
    try {
      palettes = JSON.parse(script.getAttribute("data-md-palettes") || "[]");
    } catch (error) {
      palettes = [];
    }
    if (!Array.isArray(palettes) || !palettes.length) return;
    var $inputs = [];
    var current = -1;
    var chosen = null; // the reader's choice on this page, kept here too: storage may be blocked

    function colourOf(index) {
      var palette = palettes[index];
      var colour = { media: palette.media, scheme: palette.scheme, primary: palette.primary, accent: palette.accent };
      if (palette.media === "(prefers-color-scheme)") {
        // Material's "follow the system" option: the colours of the light or dark palette.
        var light = window.matchMedia("(prefers-color-scheme: light)").matches;
        palettes.forEach(function (other) {
          if (other.media === "(prefers-color-scheme: " + (light ? "light" : "dark") + ")") {
            colour.scheme = other.scheme;
            colour.primary = other.primary;
            colour.accent = other.accent;
          }
        });
      }
      return colour;
    }

    function chosenIndex() {
      if (chosen !== null) return chosen;
      var saved = window.__md_get("__palette");
      if (saved && typeof saved.index === "number" && palettes[saved.index]) return saved.index;
      for (var i = 0; i < palettes.length; i++) {
        if (window.matchMedia(palettes[i].media).matches) return i;
      }
      return 0;
    }

    // Only attributes that change are set: each change restyles the whole page.
    function applyColour(index) {
      var colour = colourOf(index);
      Object.keys(colour).forEach(function (key) {
        var name = "data-md-color-" + key;
        if (document.body.getAttribute(name) !== colour[key]) document.body.setAttribute(name, colour[key]);
      });
      return colour;
    }

    // Each label switches to the next palette: show the current palette's one.
    function showToggle(index) {
      current = index;
      if (!$inputs[index]) return;
      $inputs[index].checked = true;
      $inputs.forEach(function ($input, i) {
        var $label = $input.nextElementSibling;
        if ($label && $label.tagName === "LABEL") $label.hidden = i !== index;
      });
    }

    // A change once the page is drawn: the reader's choice, or the system setting.
    function switchTo(index) {
      // Material's stylesheet turns transitions off while this attribute is set.
      document.body.setAttribute("data-md-color-switching", "");
      var colour = applyColour(index);
      showToggle(index);
      setTimeout(function () {
        document.body.removeAttribute("data-md-color-switching");
        updateThemeColor();
      }, 0);
      return colour;
    }

    function choose(index) {
      chosen = index;
      window.__md_set("__palette", { index: index, color: switchTo(index) });
    }

    // The browser's own bar takes the header's colour, read once the page is drawn,
    // when reading a style costs nothing.
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
      $themeColor.content =
        "#" +
        rgb
          .slice(0, 3)
          .map(function (value) {
            return ("0" + (+value).toString(16)).slice(-2);
          })
          .join("");
    }

    if (document.body) applyColour(chosenIndex());
    else {
      var waiting = new MutationObserver(function () {
        if (!document.body) return;
        waiting.disconnect();
        applyColour(chosenIndex());
      });
      waiting.observe(document.documentElement, { childList: true });
    }

    document.addEventListener("DOMContentLoaded", function (event) {
      var $form = document.querySelector("form[data-module=mdx-palette]");
      if (!event.isTrusted || !$form) return;
      $inputs = Array.prototype.slice.call($form.querySelectorAll("input[name=__palette]"));
      showToggle(chosenIndex());
      $form.addEventListener("change", function (change) {
        var index = $inputs.indexOf(change.target);
        if (index >= 0) choose(index);
      });
      // As in Material: Enter on the focused option moves to the next palette.
      $form.addEventListener("keydown", function (keydown) {
        if (keydown.key !== "Enter") return;
        keydown.preventDefault();
        var $next = $inputs[(current + 1) % $inputs.length];
        $next.click();
        $next.focus();
      });
    });
    palettes.forEach(function (palette) {
      var query = window.matchMedia(palette.media);
      if (typeof query.addEventListener !== "function") return;
      // Applying again changes nothing when the reader chose a fixed palette.
      query.addEventListener("change", function () {
        switchTo(chosenIndex());
      });
    });
    window.addEventListener("load", function () {
      window.requestAnimationFrame(function () {
        setTimeout(updateThemeColor, 0);
      });
    });
  }
  var speed = script && script.hasAttribute("data-md-speed");
  if (speed) {
    try {
      setUpPalette();
    } catch (error) {
      /* a failed enhancement leaves the page as the server sent it; the rest runs */
    }
  }

  // The header's menu button (below Material's drawer breakpoint) is a <label> for the
  // drawer's hidden checkbox: a pointer can use it, a keyboard cannot reach it. It
  // becomes a button named as the navigation it opens; Enter or Space opens the
  // drawer and focus goes to its first link; Escape closes it and focus comes back.
  function setUpMenuButton() {
    var $toggle = document.getElementById("__drawer");
    var $button = document.querySelector(".md-header label[for=__drawer]");
    var $nav = document.querySelector(".md-sidebar--primary .md-nav--primary");
    if (!$toggle || !$button || !$nav || $button.hasAttribute("role")) return;
    $button.setAttribute("role", "button");
    $button.setAttribute("tabindex", "0");
    $button.setAttribute("aria-label", $nav.getAttribute("aria-label") || "");
    $button.setAttribute("aria-expanded", String($toggle.checked));
    $toggle.addEventListener("change", function () {
      $button.setAttribute("aria-expanded", String($toggle.checked));
    });
    $button.addEventListener("keydown", function (keydown) {
      if (keydown.key !== "Enter" && keydown.key !== " ") return;
      keydown.preventDefault();
      $toggle.click();
      if (!$toggle.checked) return;
      var $first = $nav.querySelector("a[href]");
      // The drawer is shown (visibility) by the checkbox's state: focusable now.
      if ($first) $first.focus();
    });
    document.addEventListener("keydown", function (keydown) {
      if (keydown.key !== "Escape" || !$toggle.checked || !$nav.contains(document.activeElement)) return;
      $toggle.click();
      $button.focus();
    });
    makePageInertBehindDrawer($toggle, $nav.closest(".md-sidebar--primary"));
  }

  // While the drawer is open over the page (below Material's drawer breakpoint), the page
  // behind it is inert, as behind a modal dialog: Tab goes from the drawer's last link to
  // the browser's own controls, not on to the page it covers, and a screen reader reads the
  // drawer alone. Material opens
  // and closes the drawer by a click on its checkbox (a change event), the overlay included;
  // both stay out of reach of `inert`.
  function makePageInertBehindDrawer($toggle, $drawer) {
    var covered = window.matchMedia("(max-width: 76.234375em)");
    var made = [];
    function update() {
      made.forEach(function ($el) {
        $el.inert = false;
      });
      made = [];
      if (!$drawer || !$toggle.checked || !covered.matches) return;
      for (var $el = $drawer; $el.parentElement && $el !== document.body; $el = $el.parentElement) {
        Array.prototype.forEach.call($el.parentElement.children, function ($other) {
          if ($other === $el || $other.inert || $other.matches("input, label.md-overlay, script, link, style"))
            return;
          $other.inert = true;
          made.push($other);
        });
      }
    }
    $toggle.addEventListener("change", update);
    if (typeof covered.addEventListener === "function") covered.addEventListener("change", update);
    update();
  }

  // Tab (or Shift+Tab) in the search field: Material closes the search, then takes the
  // focus off the field before the browser moves it. Firefox then at times moves from the
  // top of the search form, back onto the field (about one keyboard walk in 30): the
  // reader stays put. Here Material does not see that key: the search closes (as Material
  // closes it) and the browser moves the focus on from the field, as from any other field.
  //
  // Material's single keys outside a field (f, s and / focus the search; n, p, period and
  // comma go to the next or previous page) cannot be turned off or changed: a speech-input
  // user saying a word would set them off (WCAG 2.1.4). Material does not see them either:
  // the search is one Tab away, or its button.
  var SINGLE_KEYS = ["f", "s", "/", "n", "p", ".", ","];
  function setUpKeys() {
    var $search = document.getElementById("__search");
    window.addEventListener(
      "keydown",
      function (keydown) {
        var $target = keydown.target;
        if (keydown.ctrlKey || keydown.metaKey || keydown.altKey || !$target.matches) return;
        if (keydown.key === "Tab" && $target.matches("[data-md-component=search-query]")) {
          keydown.stopPropagation();
          if ($search && $search.checked) $search.click();
        } else if (
          SINGLE_KEYS.indexOf(keydown.key) >= 0 &&
          !$target.isContentEditable &&
          !$target.matches("input, select, textarea")
        ) {
          keydown.stopPropagation();
        }
      },
      true
    );
  }
  document.addEventListener("DOMContentLoaded", function (event) {
    if (!event.isTrusted) return;
    try {
      setUpKeys();
      setUpMenuButton();
    } catch (error) {
      /* a failed enhancement leaves the page as the server sent it */
    }
  });

  // Material asks for search/search_index.json as it starts. The request waits until
  // the reader reaches the search box (focus, tap, or the search toggle on small
  // screens); a page opened from a search result (?h=...) needs it at once, to
  // highlight the words. From file://, Material loads the index as a script instead.
  (function deferSearchIndex() {
    var XHR = window.XMLHttpRequest;
    if (!speed || !XHR || /[?&]h=/.test(location.search)) return;
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
    afterFirstPaint(function () {
      var $bundle = document.createElement("script");
      $bundle.src = $preload.href;
      $bundle.addEventListener("load", function () {
        setTimeout(function () {
          document.dispatchEvent(new Event("DOMContentLoaded"));
          $preload.setAttribute("data-md-bundle", "started"); // for tests and curious readers
        }, 0);
      });
      document.body.appendChild($bundle);
    });
  });

  // Once the browser reports the page's first paint; after the next frame where
  // paint timing is missing; in any case within 3 seconds (also in a background
  // tab, which paints only once shown), so that no browser is left without Material.
  function afterFirstPaint(callback) {
    var done = false;
    function once() {
      if (done) return;
      done = true;
      callback();
    }
    setTimeout(once, 3000);
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf("paint") < 0) {
      window.requestAnimationFrame(function () {
        setTimeout(once, 0);
      });
      return;
    }
    var observer = new PerformanceObserver(function (list) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      setTimeout(once, 0);
    });
    observer.observe({ type: "paint", buffered: true });
  }

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
