/*
 * Checklists (hooks/templates/checklist.html): answers and actions saved in this browser
 * (localStorage["mdx-checklist.<id>"]: {"version": 2, "answers": {"<item>": true}, "actions":
 * {"<item>": {"who", "due", "note"}}}), the result and the plan. Works without it. Pure logic
 * first (tests/js/).
 */
(function () {
  "use strict";

  // As hooks/checklist.py's fill.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return has(values, name) ? String(values[name]) : match;
    });
  }

  // Current and former ids to the current id.
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

  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }
  function has(object, name) {
    return Object.prototype.hasOwnProperty.call(object, name);
  }

  function clean(raw, byName) {
    var result = {};
    if (isObject(raw)) {
      Object.keys(raw).forEach(function (name) {
        if (raw[name] === true && has(byName, name)) result[byName[name]] = true;
      });
    }
    return result;
  }

  var FIELDS = ["who", "due", "note"];
  function isDay(text) {
    var time = Date.parse(text + "T00:00Z");
    return /^[1-9]\d{3}-\d\d-\d\d$/.test(text) && time === time && new Date(time).toISOString().slice(0, 10) === text;
  }
  function cleanAction(raw) {
    if (!isObject(raw)) return null;
    var action = {};
    var said = false;
    FIELDS.forEach(function (field) {
      var value = typeof raw[field] === "string" ? raw[field].trim().slice(0, 500) : "";
      action[field] = field !== "due" || isDay(value) ? value : "";
      said = said || !!action[field];
    });
    return said ? action : null;
  }

  // Version 1 is migrated; `same`: stored as it would be written; `damaged`: some unreadable.
  function fromSaved(raw, version, byName) {
    var data;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      data = undefined;
    }
    var known = isObject(data) && (data.version === version || data.version === 1) && isObject(data.answers);
    var current = known && data.version === version;
    var answers = known ? clean(data.answers, byName) : {};
    var actions = {};
    var damaged = data !== null && !known;
    if (current && !isObject(data.actions)) damaged = true;
    else if (current) {
      Object.keys(data.actions).forEach(function (name) {
        if (!has(byName, name)) return;
        var action = cleanAction(data.actions[name]);
        if (JSON.stringify(action) !== JSON.stringify(data.actions[name])) damaged = true;
        if (action) actions[byName[name]] = action;
      });
    }
    var same = current && JSON.stringify([data.answers, data.actions]) === JSON.stringify([answers, actions]);
    return { answers: answers, actions: actions, same: same, damaged: damaged };
  }

  // Weighted score, rounded down.
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

  // The link before version 2, still opened: #<id>-answers=id1,id2.
  function sharedAnswers(hash, id, byName) {
    var match = new RegExp("^#" + id + "-answers=([a-z0-9,-]*)$").exec(hash);
    if (!match) return null;
    var shared = {};
    match[1].split(",").forEach(function (name) {
      if (name) shared[name] = true;
    });
    return clean(shared, byName);
  }

  // #<id>-share=2,<ticked>,<who>,<due: days, base 36>,…,<check>: README, "Share link".
  function checksum(text, items) {
    var sum = 7;
    for (var c of items.map(function (item) { return item.formerly[0] || item.name; }) + text) sum = (sum * 31 + c.charCodeAt(0)) % 2147483647;
    return sum.toString(36);
  }
  function shareFragment(id, items, answers, actions) {
    var text = [2];
    items.forEach(function (item) {
      var a = actions[item.name] || {};
      text.push(answers[item.name] ? 1 : "", encodeURIComponent(a.who || "").replace(/%20/g, "+"), a.due && (Date.parse(a.due) / 864e5).toString(36));
    });
    return "#" + id + "-share=" + text + "," + checksum(text, items);
  }
  // null: no link; false: damaged; no actions: an old link.
  function sharedPlan(hash, id, items, byName) {
    var answers = sharedAnswers(hash, id, byName);
    var prefix = "#" + id + "-share=";
    var parts = hash.slice(prefix.length).split(",");
    var plan = { answers: {}, actions: {} };
    if (answers || hash.indexOf(prefix)) return answers && { answers: answers };
    try {
      if (parts.pop() !== checksum(parts.join(), items) || parts.shift() !== "2" || parts.length !== 3 * items.length) throw 0;
      items.forEach(function (item, i) {
        var due = parts[3 * i + 2] && new Date(parseInt(parts[3 * i + 2], 36) * 864e5).toISOString().slice(0, 10);
        var action = cleanAction({ who: decodeURIComponent(parts[3 * i + 1].replace(/\+/g, " ")), due: due });
        if (parts[3 * i]) plan.answers[item.name] = true;
        if (action) plan.actions[item.name] = action;
      });
    } catch (error) {
      return false;
    }
    return plan;
  }

  function exported(id, version, answers, actions, when) {
    return { checklist: id, version: version, exported: when, answers: answers, actions: actions };
  }
  // Version 1: no actions (null), the reader's stay.
  function imported(text, id, version, byName) {
    var saved = fromSaved(text, version, byName);
    var data = JSON.parse(saved.damaged ? "null" : text);
    if (!isObject(data) || data.checklist !== id) return null;
    return { answers: saved.answers, actions: data.version === 1 ? null : saved.actions };
  }

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  // Ticking an item marks its action done.
  function openActions(items, answers, actions) {
    return items
      .map(function (item, index) {
        return { item: item, action: actions[item.name], index: index };
      })
      .filter(function (entry) {
        return entry.action && answers[entry.item.name] !== true;
      })
      .sort(function (a, b) {
        return b.item.essential - a.item.essential || compare(a.action.due || "~", b.action.due || "~") || a.index - b.index;
      });
  }
  function overdue(due, today) {
    return !!due && due < today;
  }
  function dayOf(date) {
    return new Date(date - date.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
  }

  // The byte order mark makes Excel read UTF-8.
  function csv(rows, separator) {
    var lines = rows.map(function (row) {
      return '"' + row.join("\0").replace(/"/g, '""').split("\0").join('"' + separator + '"') + '"';
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  function planRows(entries, s, today) {
    var rows = [[s.csv_action, s.essential, s.plan_who, s.plan_due, s.plan_overdue, s.plan_note, s.csv_link]];
    entries.forEach(function (entry) {
      var a = entry.action;
      var item = entry.item;
      rows.push([item.text, item.essential ? s.csv_yes : "", a.who, a.due, overdue(a.due, today) ? s.csv_yes : "", a.note, item.href]);
    });
    return rows;
  }

  // RFC 5545: 75 octets a line, never inside a character.
  function icsText(value) {
    return value
      .replace(/[\\;,]/g, "\\$&")
      .replace(/\r\n?|\n/g, "\\n")
      .replace(/[^\t -~\x80-\uffff]/g, "");
  }
  function fold(line) {
    var out = "";
    var size = 0;
    for (var char of line) {
      var code = char.codePointAt(0);
      var bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (size + bytes > 75) {
        out += "\r\n ";
        size = 1;
      }
      out += char;
      size += bytes;
    }
    return out;
  }
  function icalendar(entries, s, id, host, now) {
    var stamp = now.toISOString().replace(/[-:]|\.\d+/g, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mdx-checklist//" + id + "//EN"];
    entries.forEach(function (entry) {
      var a = entry.action;
      if (!a.due) return;
      var end = new Date(Date.parse(a.due) + 864e5).toISOString();
      var about = [a.who && fill(s.plan_who_line, { who: a.who }), a.note, entry.item.href].filter(Boolean);
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + id + "-" + entry.item.name + "@" + host,
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + a.due.replace(/-/g, ""),
        "DTEND;VALUE=DATE:" + end.replace(/-/g, "").slice(0, 8),
        "SUMMARY:" + icsText(entry.item.text),
        "DESCRIPTION:" + icsText(about.join("\n")),
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // Stryker disable all: the wiring below is the browser tests'.
  var logic = { fill, aliases, clean, fromSaved, tally, levelIndex, countTicked, shareFragment, sharedAnswers, sharedPlan, checksum, exported, imported, isDay, cleanAction, openActions, overdue, dayOf, csv, planRows, icsText, fold, icalendar };
  if (typeof module === "object" && module.exports) module.exports = logic;
  if (typeof document === "undefined") return;

  // Storage may be blocked or full: these never throw.
  function readStore(key) {
    try {
      return { ok: true, value: window.localStorage.getItem(key) };
    } catch (error) {
      return { ok: false, value: null };
    }
  }
  function writeStore(key, version, answers, actions) {
    try {
      window.localStorage.setItem(key, JSON.stringify({ version: version, answers: answers, actions: actions }));
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
  function add($parent, tag, text, className) {
    var $el = document.createElement(tag);
    $parent.append(" ", $el);
    $el.textContent = text;
    $el.className = className || "";
    return $el;
  }
  function download(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var $link = document.createElement("a");
    $link.href = url;
    $link.download = name;
    document.body.appendChild($link);
    $link.click();
    $link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  function Checklist($root) {
    function $q(name) {
      return $root.querySelector(".js-checklist-" + name);
    }
    function on(name, fn) {
      $q(name).addEventListener("click", fn);
    }
    var id = $root.getAttribute("data-checklist-id");
    var version = Number($root.getAttribute("data-storage-version"));
    var key = "mdx-checklist." + id;
    var s = JSON.parse($q("strings").textContent);
    var $inputs = $root.querySelectorAll(".js-checklist-input");
    var $plans = $root.querySelectorAll(".js-checklist-plan-item");
    var items = map($inputs, function ($input, i) {
      return {
        $plan: $plans[i],
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
    var $start = $q("start");
    var $gaps = $q("gaps");
    var $gapItems = $gaps.querySelectorAll("[data-item]");
    var $progress = $q("progress");
    var $overall = $q("overall");
    var $message = $q("message");
    var $live = $q("live");
    var $dialog = $q("dialog");
    var $file = $q("file");
    var $shareOut = $q("share-output");
    var $shareUrl = $q("share-url");
    var $plan = $q("plan");
    var $planList = $plan.querySelector("ol");
    var byName = aliases(items);
    var pending = null;
    var answers = {};
    var actions = {};

    function load() {
      var read = readStore(key);
      var saved = fromSaved(read.value, version, byName);
      saved.ok = read.ok;
      return saved;
    }
    function save() {
      if (!writeStore(key, version, answers, actions)) show($q("storage-warning"));
    }
    function show($el) {
      $el.hidden = false;
    }
    function say(text) {
      $message.textContent = text;
    }

    function linkOf(item) {
      return item.$plan.parentNode.querySelector(".mdx-checklist__hint a");
    }
    function plan() {
      return openActions(items, answers, actions).map(function (entry) {
        entry.item.text = entry.item.$plan.getAttribute("data-action");
        entry.item.href = linkOf(entry.item).href;
        return entry;
      });
    }
    function showPlan() {
      var entries = plan();
      var today = dayOf(new Date());
      $planList.textContent = "";
      entries.forEach(function (entry) {
        var a = entry.action;
        var $li = add($planList, "li", "");
        $li.dataset.item = entry.item.name;
        add($li, "a", entry.item.text).href = linkOf(entry.item).getAttribute("href");
        if (entry.item.essential) add($li, "strong", s.essential, "mdx-checklist__tag");
        if (overdue(a.due, today)) add($li, "strong", s.plan_overdue, "mdx-checklist__tag mdx-checklist__tag--overdue");
        // One paragraph: faster to lay out than three.
        var about = [a.who && fill(s.plan_who_line, { who: a.who }), a.due && fill(s.plan_due_line, { date: a.due }), a.note];
        add($li, "p", about.filter(Boolean).join(" · "));
      });
      $q("plan-date").textContent = fill(s.plan_date, { date: today });
      $q("plan-empty").hidden = entries.length > 0;
      $q("plan-actions").hidden = !entries.length;
    }
    function fillFields() {
      items.forEach(function (item) {
        var action = actions[item.name] || {};
        each(item.$plan.querySelectorAll("[data-field]"), function ($field) {
          var value = action[$field.getAttribute("data-field")] || "";
          if ($field.value !== value) $field.value = value;
        });
      });
    }

    function update(changedSection) {
      var result = tally(items, answers);
      var announce = [];
      items.forEach(function (item, i) {
        var on = answers[item.name] === true;
        if ($inputs[i].checked !== on) $inputs[i].checked = on;
        if (item.$plan.hidden !== on) item.$plan.hidden = on;
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
      showPlan();
      if (changedSection) {
        announce.push(overall);
        if (current) announce.push(fill(s.status_level, { level: current.querySelector(".js-checklist-level-title").textContent }));
        $live.textContent = announce.join(" ");
      }
    }

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

    function replaceWith(next, nextActions, message) {
      answers = next;
      actions = nextActions;
      save();
      fillFields();
      update(null);
      say(message);
    }

    function shareLink() {
      return location.href.split("#")[0] + shareFragment(id, items, answers, actions);
    }
    function openShared() {
      var shared = sharedPlan(location.hash, id, items, byName);
      if (shared === null) return;
      history.replaceState(null, "", location.href.split("#")[0]);
      if (!shared) return say(s.error_share);
      var next = shared.actions || actions;
      var loaded = fill(s.done_share_loaded, { count: count(shared.answers) });
      var same = shareFragment(id, items, shared.answers, next) === shareFragment(id, items, answers, actions);
      if ((!count(answers) && !count(actions)) || same) return replaceWith(shared.answers, next, loaded);
      ask(fill(s.confirm_share, { count: count(shared.answers), saved: count(answers) }), s.replace_ok, s.keep_mine, function (yes) {
        if (yes) replaceWith(shared.answers, next, loaded);
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
    $root.addEventListener("input", function (event) {
      var $details = event.target.closest(".js-checklist-plan-item");
      if (!$details) return;
      var raw = {};
      each($details.querySelectorAll("[data-field]"), function ($field) {
        raw[$field.getAttribute("data-field")] = $field.value;
      });
      var name = $details.getAttribute("data-item");
      var action = cleanAction(raw);
      if (action) actions[name] = action;
      else delete actions[name];
      save();
      showPlan();
    });
    on("plan-print", function () {
      // checklist.css prints the plan alone while <html> has this class.
      var classes = document.documentElement.classList;
      classes.add("mdx-print-plan");
      window.addEventListener("afterprint", function () {
        classes.remove("mdx-print-plan");
      });
      window.print();
    });
    on("plan-csv", function () {
      download(csv(planRows(plan(), s, dayOf(new Date())), s.csv_separator), "text/csv;charset=utf-8", s.plan_filename + ".csv");
    });
    on("plan-ics", function () {
      var entries = plan();
      if (!entries.some(function (entry) { return entry.action.due; })) return say(s.plan_no_dates);
      download(icalendar(entries, s, id, location.host || "localhost", new Date()), "text/calendar;charset=utf-8", s.plan_filename + ".ics");
    });
    on("reset", function () {
      ask(s.confirm_reset, s.reset_ok, s.cancel, function (yes) {
        if (yes) replaceWith({}, {}, s.done_reset);
      });
    });
    on("print", function () {
      window.print();
    });
    on("share", function () {
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
    on("export", function () {
      var data = JSON.stringify(exported(id, version, answers, actions, new Date().toISOString()), null, 2);
      download(data, "application/json", fill(s.export_filename, { id: id }));
    });
    on("import", function () {
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
        replaceWith(next.answers, next.actions || actions, fill(s.done_import, { count: count(next.answers) }));
      };
      reader.onerror = function () {
        say(s.error_import);
      };
      reader.readAsText(file);
    });

    var start = load();
    answers = start.answers;
    actions = start.actions;
    if (start.damaged) say(s.storage_damaged);
    // Writing back migrates, and tests storage early.
    if (!start.ok || (!start.same && !writeStore(key, version, answers, actions))) {
      show($q("storage-warning"));
    }
    fillFields();
    each($root.querySelectorAll(".js-checklist-nojs"), function ($el) {
      $el.hidden = true;
    });
    each($root.querySelectorAll(".js-checklist-summary, .js-checklist-actions"), show);
    update(null);
    openShared();
    window.addEventListener("hashchange", function () {
      if (document.body.contains($root)) openShared();
    });
    // Another tab's changes; listened for late: it costs Chromium milliseconds.
    setTimeout(function () {
      window.addEventListener("storage", function (event) {
        if ((event.key === key || event.key === null) && document.body.contains($root)) {
          var saved = load();
          answers = saved.answers;
          actions = saved.actions;
          fillFields();
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
        if (window.console) console.warn("checklist:", error);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
