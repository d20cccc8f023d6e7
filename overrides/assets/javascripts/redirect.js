/*
 * A page that has moved (a stub of hooks/redirects_i18n.py): its meta refresh goes
 * to the new address but drops the reader's #fragment, such as a checklist share
 * link's answers. With a fragment, go there now, keeping it. Without JavaScript, or
 * without a fragment, the meta refresh does the job.
 */
(function () {
  "use strict";
  var $refresh = document.querySelector('meta[http-equiv="refresh"]');
  var match = $refresh && /url=(.*)$/i.exec($refresh.getAttribute("content") || "");
  if (match && window.location.hash.length > 1) {
    window.location.replace(match[1].split("#")[0] + window.location.hash);
  }
})();
