/*
 * Language selector: the twin page opens at the section the reader was on (#goals),
 * when the twin has it. The build lists, on the selector's link to each twin, the ids
 * the two pages share (data-mdx-anchors, hooks/language_anchors_hook.py); without this
 * file, the link opens the twin at its top.
 *
 * twinHref is pure; Node's test runner loads it (tests/js/language-anchor.test.js).
 */
(function (root) {
  "use strict";

  // The twin's address, with the reader's #id when the twin has that id.
  function twinHref(href, hash, anchors) {
    var base = href.split("#")[0];
    if (!hash || hash.length < 2) return base;
    var id;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch (error) {
      return base; // a malformed #%E0 in the address bar
    }
    var ids = (anchors || "").split(/\s+/);
    return ids.indexOf(id) === -1 ? base : base + "#" + encodeURIComponent(id);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { twinHref: twinHref };
    return;
  }

  function update() {
    var $links = root.document.querySelectorAll("a.md-select__link[data-mdx-anchors]");
    for (var i = 0; i < $links.length; i++) {
      var $link = $links[i];
      if (!$link.hasAttribute("data-mdx-href")) $link.setAttribute("data-mdx-href", $link.getAttribute("href"));
      $link.setAttribute(
        "href",
        twinHref($link.getAttribute("data-mdx-href"), root.location.hash, $link.getAttribute("data-mdx-anchors"))
      );
    }
  }

  // Runs again on each DOMContentLoaded (theme-shims.js dispatches a second one): harmless.
  root.addEventListener("hashchange", update);
  if (root.document.readyState === "loading") root.document.addEventListener("DOMContentLoaded", update);
  else update();
})(typeof window === "object" ? window : this);
