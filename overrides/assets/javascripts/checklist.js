/*
 * Checklists (hooks/templates/checklist.html): saves the answers in this browser,
 * shows progress, a level and the gaps; reset, export, import, print, share link.
 * The form works without this file; strings and the storage version come from the page.
 * Stored per checklist, by item id: {"version": 1, "answers": {"<item-id>": true}}
 * under localStorage["mdx-checklist.<id>"]. The logic is pure functions at the top,
 * which Node's test runner loads from this file (tests/js/).
 */
(function () {
  "use strict";

  // A placeholder without a value stays as written, as in hooks/checklist.py's fill.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  // Each item's current id, and each of its former ids, to the current id.
  function aliases(items) {
    var byName = {};
    items.forEach(function (item) {
      byName[item.name] = item.name;
      (item.formerly || []).forEach(function (old) {
        if (old) byName[old] = item.name;
      });
    });
    return byName;
  }

  // Only answers for items that exist (under their id or a former one) survive.
  function clean(raw, byName) {
    var result = {};
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      Object.keys(raw).forEach(function (name) {
        if (raw[name] === true && Object.prototype.hasOwnProperty.call(byName, name)) {
          result[byName[name]] = true;
        }
      });
    }
    return result;
  }

  // `same`: stored as it would be written now.
  function fromSaved(data, version, byName) {
    var answers = data && data.version === version ? clean(data.answers, byName) : {};
    var same = !!data && data.version === version && JSON.stringify(data.answers) === JSON.stringify(answers);
    return { answers: answers, same: same };
  }

  // Ticked, total, weighted score (rounded down: 27 of 67 points is 40) and essentials.
  function tally(items, answers) {
    var result = { done: 0, total: items.length, score: 0, essentialsDone: true };
    var weight = 0;
    var weightDone = 0;
    items.forEach(function (item) {
      var w = item.weight || 1;
      weight += w;
      if (answers[item.name] === true) {
        result.done += 1;
        weightDone += w;
      } else if (item.essential) {
        result.essentialsDone = false;
      }
    });
    result.score = weight ? Math.floor((100 * weightDone) / weight) : 0;
    return result;
  }

  // The first level the tally reaches, by index; -1 before anything is ticked.
  function levelIndex(levels, result) {
    if (result.done === 0) return -1;
    for (var i = 0; i < levels.length; i += 1) {
      if (result.score >= levels[i].minScore && (result.essentialsDone || !levels[i].requiresEssentials)) return i;
    }
    return -1;
  }

  function countTicked(names, answers) {
    return names.filter(function (name) {
      return answers[name] === true;
    }).length;
  }

  // A share link carries the ticked ids: #<checklist id>-answers=id1,id2
  function shareFragment(id, answers) {
    return "#" + id + "-answers=" + Object.keys(answers).join(",");
  }
  function sharedAnswers(hash, id, byName) {
    var match = new RegExp("^#" + id + "-answers=([a-z0-9,-]*)$").exec(hash);
    if (!match) return null;
    var shared = {};
    match[1].split(",").forEach(function (name) {
      if (name) shared[name] = true;
    });
    return clean(shared, byName);
  }

  function exported(id, version, answers, when) {
    return { checklist: id, version: version, exported: when, answers: answers };
  }
  function imported(text, id, version, byName) {
    var data = null;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    var valid = data && data.checklist === id && data.version === version && data.answers && typeof data.answers === "object";
    return valid ? clean(data.answers, byName) : null;
  }

  // Stryker disable all: mutation testing stops here (`make mutation`); the export and the
  // wiring below are the browser tests' (tests/test_checklist_browser.py).
  var logic = {
    fill: fill,
    aliases: aliases,
    clean: clean,
    fromSaved: fromSaved,
    tally: tally,
    levelIndex: levelIndex,
    countTicked: countTicked,
    shareFragment: shareFragment,
    sharedAnswers: sharedAnswers,
    exported: exported,
    imported: imported,
  };
  if (typeof module === "object" && module.exports) module.exports = logic;
  if (typeof document === "undefined") return;

  var PREFIX = "mdx-checklist.";

  // Storage can be missing, blocked, full or corrupt: these two never throw.
  function readStore(key) {
    var raw;
    try {
      raw = window.localStorage.getItem(key);
    } catch (error) {
      return { ok: false, value: null };
    }
    try {
      return { ok: true, value: JSON.parse(raw) };
    } catch (error) {
      return { ok: true, value: null };
    }
  }
  function writeStore(key, version, answers) {
    try {
      window.localStorage.setItem(key, JSON.stringify({ version: version, answers: answers }));
      return true;
    } catch (error) {
      return false;
    }
  }

  function count(answers) {
    return Object.keys(answers).length;
  }
  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }
  function map(list, fn) {
    return Array.prototype.map.call(list, fn);
  }

  function Checklist($root) {
    var id = $root.getAttribute("data-checklist-id");
    var version = Number($root.getAttribute("data-storage-version"));
    var key = PREFIX + id;
    var s = JSON.parse($root.querySelector(".js-checklist-strings").textContent);
    var $inputs = $root.querySelectorAll(".js-checklist-input");
    var items = map($inputs, function ($input) {
      return {
        name: $input.name,
        weight: Number($input.getAttribute("data-weight")) || 1,
        essential: $input.hasAttribute("data-essential"),
        formerly: ($input.getAttribute("data-formerly") || "").split(" "),
      };
    });
    var sections = map($root.querySelectorAll(".js-checklist-section"), function ($el) {
      return {
        $el: $el,
        $status: $el.querySelector(".js-checklist-section-status"),
        title: $el.querySelector(".js-checklist-section-title").textContent,
        names: map($el.querySelectorAll(".js-checklist-input"), function ($input) {
          return $input.name;
        }),
      };
    });
    var $levels = $root.querySelectorAll(".js-checklist-level");
    var levels = map($levels, function ($level) {
      return {
        minScore: Number($level.getAttribute("data-min-score")),
        requiresEssentials: $level.hasAttribute("data-requires-essentials"),
      };
    });
    var $start = $root.querySelector(".js-checklist-start");
    var $gaps = $root.querySelector(".js-checklist-gaps");
    var $gapItems = $gaps.querySelectorAll("[data-item]");
    var $progress = $root.querySelector(".js-checklist-progress");
    var $overall = $root.querySelector(".js-checklist-overall");
    var $message = $root.querySelector(".js-checklist-message");
    var $live = $root.querySelector(".js-checklist-live");
    var $dialog = $root.querySelector(".js-checklist-dialog");
    var $file = $root.querySelector(".js-checklist-file");
    var $shareOut = $root.querySelector(".js-checklist-share-output");
    var $shareUrl = $root.querySelector(".js-checklist-share-url");
    var byName = aliases(items);
    var pending = null;
    var answers = {};

    function load() {
      var read = readStore(key);
      var saved = fromSaved(read.value, version, byName);
      return { ok: read.ok, answers: saved.answers, same: saved.same };
    }
    function save() {
      if (!writeStore(key, version, answers)) show($root.querySelector(".js-checklist-storage-warning"));
    }
    function show($el) {
      $el.hidden = false;
    }
    function say(text) {
      $message.textContent = text;
    }

    function update(changedSection) {
      var result = tally(items, answers);
      var announce = [];
      each($inputs, function ($input) {
        var on = answers[$input.name] === true;
        if ($input.checked !== on) $input.checked = on;
      });
      sections.forEach(function (section) {
        var values = { done: countTicked(section.names, answers), total: section.names.length };
        var text = fill(s.section_status, values);
        if (section.$status.textContent !== text) section.$status.textContent = text;
        if (section.$el === changedSection) {
          values.section = section.title;
          announce.push(fill(s.status_section, values));
        }
      });
      var overall = fill(s.status_overall, { done: result.done, total: result.total, score: result.score });
      $progress.value = result.score;
      $overall.textContent = overall;
      // Nothing ticked yet: no verdict and no list of gaps, only a note on how to start.
      var started = result.done > 0;
      $start.hidden = started;
      var current = $levels[levelIndex(levels, result)] || null;
      each($levels, function ($level) {
        $level.hidden = $level !== current;
        $level.classList.toggle("mdx-checklist__level--current", $level === current);
      });
      each($gapItems, function ($li) {
        $li.hidden = answers[$li.getAttribute("data-item")] === true;
      });
      $gaps.hidden = !started || result.done === result.total;
      $root.classList.toggle("mdx-checklist--complete", result.done === result.total);
      if (changedSection) {
        announce.push(overall);
        if (current) announce.push(fill(s.status_level, { level: current.querySelector("h3").textContent }));
        $live.textContent = announce.join(" ");
      }
    }

    // One dialog for every question; without <dialog> support, the browser's own.
    function ask(text, ok, cancel, then) {
      if (typeof $dialog.showModal !== "function") return then(window.confirm(text));
      $dialog.querySelector(".js-checklist-dialog-text").textContent = text;
      $dialog.querySelector(".js-checklist-dialog-ok").textContent = ok;
      $dialog.querySelector(".js-checklist-dialog-cancel").textContent = cancel;
      pending = then;
      $dialog.returnValue = "";
      $dialog.showModal();
      $dialog.querySelector(".js-checklist-dialog-cancel").focus();
    }
    $dialog.querySelector(".js-checklist-dialog-ok").addEventListener("click", function () {
      $dialog.close("ok");
    });
    $dialog.querySelector(".js-checklist-dialog-cancel").addEventListener("click", function () {
      $dialog.close("cancel");
    });
    $dialog.addEventListener("close", function () {
      var then = pending;
      pending = null;
      if (then) then($dialog.returnValue === "ok");
    });

    function replaceWith(next, message) {
      answers = next;
      save();
      update(null);
      say(message);
    }

    function shareLink() {
      return location.href.split("#")[0] + shareFragment(id, answers);
    }
    function openShared() {
      var shared = sharedAnswers(location.hash, id, byName);
      if (!shared) return;
      history.replaceState(null, "", location.href.split("#")[0]);
      var loaded = fill(s.done_share_loaded, { count: count(shared) });
      var same = Object.keys(shared).sort().join() === Object.keys(answers).sort().join();
      if (!count(answers) || same) return replaceWith(shared, loaded);
      ask(fill(s.confirm_share, { count: count(shared), saved: count(answers) }), s.replace_ok, s.keep_mine, function (yes) {
        if (yes) replaceWith(shared, loaded);
        else say(s.done_share_kept);
      });
    }

    $root.querySelector(".js-checklist-form").addEventListener("submit", function (event) {
      event.preventDefault();
    });
    $root.addEventListener("change", function (event) {
      var $input = event.target;
      if (!$input.classList.contains("js-checklist-input")) return;
      if ($input.checked) answers[$input.name] = true;
      else delete answers[$input.name];
      save();
      update($input.closest(".js-checklist-section"));
    });
    $root.querySelector(".js-checklist-reset").addEventListener("click", function () {
      ask(s.confirm_reset, s.reset_ok, s.cancel, function (yes) {
        if (yes) replaceWith({}, s.done_reset);
      });
    });
    $root.querySelector(".js-checklist-print").addEventListener("click", function () {
      window.print();
    });
    $root.querySelector(".js-checklist-share").addEventListener("click", function () {
      $shareUrl.value = shareLink();
      show($shareOut);
      $shareUrl.focus();
      $shareUrl.select();
      say(s.share_ready);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText($shareUrl.value).then(
          function () {
            say(s.share_copied);
          },
          function () {}
        );
      }
    });
    $root.querySelector(".js-checklist-export").addEventListener("click", function () {
      var data = exported(id, version, answers, new Date().toISOString());
      var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      var $link = document.createElement("a");
      $link.href = url;
      $link.download = fill(s.export_filename, { id: id });
      document.body.appendChild($link);
      $link.click();
      $link.remove();
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 1000);
    });
    $root.querySelector(".js-checklist-import").addEventListener("click", function () {
      $file.click();
    });
    $file.addEventListener("change", function () {
      var file = $file.files && $file.files[0];
      $file.value = "";
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var next = imported(reader.result, id, version, byName);
        if (!next) return say(s.error_import);
        replaceWith(next, fill(s.done_import, { count: count(next) }));
      };
      reader.onerror = function () {
        say(s.error_import);
      };
      reader.readAsText(file);
    });

    var start = load();
    answers = start.answers;
    // Writing back moves answers saved under former ids to the current ones, drops the
    // rest, and finds out early whether storage works.
    if (!start.ok || (!start.same && !writeStore(key, version, answers))) {
      show($root.querySelector(".js-checklist-storage-warning"));
    }
    each($root.querySelectorAll(".js-checklist-nojs"), function ($el) {
      $el.hidden = true;
    });
    each($root.querySelectorAll(".js-checklist-summary, .js-checklist-actions"), show);
    update(null);
    openShared();
    // A share link pasted into the address bar of this very page.
    window.addEventListener("hashchange", function () {
      if (document.body.contains($root)) openShared();
    });
    // Another tab changed the answers. Listened for once the result shows: registering
    // a storage listener costs Chromium a few milliseconds.
    setTimeout(function () {
      window.addEventListener("storage", function (event) {
        if ((event.key === key || event.key === null) && document.body.contains($root)) {
          answers = load().answers;
          update(null);
        }
      });
    }, 0);
  }

  function init() {
    each(document.querySelectorAll('[data-module="mdx-checklist"]:not([data-checklist-ready])'), function ($root) {
      $root.setAttribute("data-checklist-ready", "");
      try {
        Checklist($root);
      } catch (error) {
        // One broken checklist leaves the rest of the page (and its plain form) working.
        if (window.console) console.warn("checklist:", error);
      }
    });
  }

  // Material's instant navigation swaps pages without reloading: init on each one.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
