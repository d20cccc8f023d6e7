/*
 * Runs in <head>, before Material's bundle. Two jobs, both kept out of inline
 * scripts so that a strict Content-Security-Policy (script-src 'self') holds:
 *
 * 1. Material's storage helpers (__md_get, __md_set, ...), guarded: with storage
 *    blocked (private browsing, blocked cookies, full quota) or holding corrupt
 *    JSON, Material's own versions throw an uncaught error on every page.
 * 2. Keep Material from fetching "<alternate>/sitemap.xml" for each
 *    <link rel="alternate" hreflang>: our alternates point at the twin *page*, so
 *    those fetches 404 (and fail outright from file://). The language selector
 *    already links to the twin page, so Material's sitemap lookup is not needed.
 */
(function () {
  "use strict";

  var script = document.currentScript;
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
    return Array.prototype.reduce.call(value, function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
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
