/*
 * Checklists (hooks/templates/checklist.html): saves the answers in this browser,
 * shows progress, a level and the gaps; an action per gap and the plan they make
 * (printed alone, or downloaded as CSV and iCalendar); reset, export, import, print, share link.
 * The form works without this file; strings and the storage version come from the page.
 * Stored per checklist, by item id, under localStorage["mdx-checklist.<id>"]:
 * {"version": 2, "answers": {"<item-id>": true}, "actions": {"<item-id>": {"who", "due", "note"}}}
 * (version 1, answers only, is read too). The logic is pure functions at the top,
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

  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  var FIELDS = ["who", "due", "note"];
  // A real day, as <input type="date"> gives it (four-digit years: Date.UTC reads 0-99 as 19xx).
  function isDay(text) {
    var time = Date.parse(text + "T00:00Z");
    return /^[1-9]\d{3}-\d\d-\d\d$/.test(text) && time === time && new Date(time).toISOString().slice(0, 10) === text;
  }
  // An action as it is stored: three strings, the date a real day or ""; null if it says nothing.
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

  // `raw` is the stored text (null: nothing stored). Version 1 (answers only) is migrated;
  // `same`: stored as it would be written now; `damaged`: something stored could not be
  // read (ids of removed items are not damage). What can be read is kept.
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
        if (!Object.prototype.hasOwnProperty.call(byName, name)) return;
        var action = cleanAction(data.actions[name]);
        if (JSON.stringify(action) !== JSON.stringify(data.actions[name])) damaged = true;
        if (action) actions[byName[name]] = action;
      });
    }
    var same = current && JSON.stringify([data.answers, data.actions]) === JSON.stringify([answers, actions]);
    return { answers: answers, actions: actions, same: same, damaged: damaged };
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

  function exported(id, version, answers, actions, when) {
    return { checklist: id, version: version, exported: when, answers: answers, actions: actions };
  }
  // An export of this checklist, this version or version 1; `actions` null when the file
  // has none (version 1): the reader's own are kept.
  function imported(text, id, version, byName) {
    var saved = fromSaved(text, version, byName);
    var data = JSON.parse(saved.damaged ? "null" : text);
    if (!isObject(data) || data.checklist !== id) return null;
    return { answers: saved.answers, actions: data.version === 1 ? null : saved.actions };
  }

  // --- The plan ---

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  // The actions noted for items not ticked: essentials first, then by date (none last),
  // then in the checklist's order. Ticking an item marks its action done.
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
  // Days as "YYYY-MM-DD": overdue from the day after the target date.
  function overdue(due, today) {
    return !!due && due < today;
  }
  function dayOf(date) {
    return [date.getFullYear(), date.getMonth() + 1, date.getDate()]
      .map(function (n) {
        return (n < 10 ? "0" : "") + n;
      })
      .join("-");
  }

  // CSV as Excel opens it: a byte order mark (UTF-8), every field quoted, CRLF.
  function csv(rows, separator) {
    var lines = rows.map(function (row) {
      return row
        .map(function (field) {
          return '"' + String(field).replace(/"/g, '""') + '"';
        })
        .join(separator);
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

  // iCalendar (RFC 5545): TEXT escaped (3.3.11), lines folded at 75 octets (3.1), never
  // inside a character; CRLF.
  function icsText(value) {
    return value
      .replace(/[\\;,]/g, "\\$&")
      .replace(/\r\n?|\n/g, "\\n")
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
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
  // One all-day event per dated action; `stamp`: now, in UTC; `host` makes the UIDs unique.
  function icalendar(entries, s, id, host, now) {
    var stamp = now.toISOString().replace(/[-:]|\.\d+/g, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mdx-checklist//" + id + "//EN", "CALSCALE:GREGORIAN"];
    entries.forEach(function (entry) {
      var a = entry.action;
      if (!a.due) return;
      var end = new Date(Date.parse(a.due) + 864e5).toISOString().slice(0, 10);
      var about = [a.who && fill(s.plan_who_line, { who: a.who }), a.note, entry.item.href].filter(Boolean);
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + id + "-" + entry.item.name + "@" + host,
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + a.due.replace(/-/g, ""),
        "DTEND;VALUE=DATE:" + end.replace(/-/g, ""),
        "SUMMARY:" + icsText(entry.item.text),
        "DESCRIPTION:" + icsText(about.join("\n")),
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
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
    isDay: isDay,
    cleanAction: cleanAction,
    openActions: openActions,
    overdue: overdue,
    dayOf: dayOf,
    csv: csv,
    planRows: planRows,
    icsText: icsText,
    fold: fold,
    icalendar: icalendar,
  };
  if (typeof module === "object" && module.exports) module.exports = logic;
  if (typeof document === "undefined") return;

  var PREFIX = "mdx-checklist.";

  // Storage can be missing, blocked, full or corrupt: these two never throw.
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
    var $el = $parent.appendChild(document.createElement(tag));
    $el.textContent = text;
    if (className) $el.className = className;
    return $el;
  }
  // Blob and object URL: works from disk too, with no request anywhere.
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
    var id = $root.getAttribute("data-checklist-id");
    var version = Number($root.getAttribute("data-storage-version"));
    var key = PREFIX + id;
    var s = JSON.parse($root.querySelector(".js-checklist-strings").textContent);
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
    var $plan = $root.querySelector(".js-checklist-plan");
    var $planList = $plan.querySelector("ol");
    var lang = document.documentElement.lang || undefined;
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
      if (!writeStore(key, version, answers, actions)) show($root.querySelector(".js-checklist-storage-warning"));
    }
    function show($el) {
      $el.hidden = false;
    }
    function say(text) {
      $message.textContent = text;
    }

    function longDate(day) {
      return new Date(day + "T12:00").toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    }
    function linkOf(item) {
      return item.$plan.parentNode.querySelector(".mdx-checklist__hint a");
    }
    // The plan's entries, with the words and the address the files need.
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
        $li.setAttribute("data-item", entry.item.name);
        add($li, "a", entry.item.text).href = linkOf(entry.item).getAttribute("href");
        if (entry.item.essential) add($li, "strong", s.essential, "mdx-checklist__tag");
        if (overdue(a.due, today)) add($li, "strong", s.plan_overdue, "mdx-checklist__tag mdx-checklist__tag--overdue");
        var about = [a.who && fill(s.plan_who_line, { who: a.who }), a.due && fill(s.plan_due_line, { date: longDate(a.due) }), a.note];
        about.filter(Boolean).forEach(function (text) {
          add($li, "p", text);
        });
      });
      $plan.querySelector(".js-checklist-plan-date").textContent = fill(s.plan_date, { date: longDate(today) });
      $plan.querySelector(".js-checklist-plan-empty").hidden = entries.length > 0;
      $plan.querySelector(".js-checklist-plan-actions").hidden = !entries.length;
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
      $gaps.hidden = result.essentialsDone || !started;
      $root.classList.toggle("mdx-checklist--complete", result.done === result.total);
      showPlan();
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

    function replaceWith(next, nextActions, message) {
      answers = next;
      actions = nextActions;
      save();
      fillFields();
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
      if (!count(answers) || same) return replaceWith(shared, actions, loaded);
      ask(fill(s.confirm_share, { count: count(shared), saved: count(answers) }), s.replace_ok, s.keep_mine, function (yes) {
        if (yes) replaceWith(shared, actions, loaded);
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
    // An action's field: kept as typed, saved cleaned.
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
    $plan.querySelector(".js-checklist-plan-print").addEventListener("click", function () {
      // Only the plan is printed (checklist.css) while <html> has this class.
      var $html = document.documentElement;
      $html.classList.add("mdx-print-plan");
      window.addEventListener(
        "afterprint",
        function () {
          $html.classList.remove("mdx-print-plan");
        },
        { once: true }
      );
      window.print();
    });
    $plan.querySelector(".js-checklist-plan-csv").addEventListener("click", function () {
      download(csv(planRows(plan(), s, dayOf(new Date())), s.csv_separator), "text/csv;charset=utf-8", s.plan_filename + ".csv");
    });
    $plan.querySelector(".js-checklist-plan-ics").addEventListener("click", function () {
      var entries = plan();
      if (!entries.some(function (entry) { return entry.action.due; })) return say(s.plan_no_dates);
      download(icalendar(entries, s, id, location.host || "localhost", new Date()), "text/calendar;charset=utf-8", s.plan_filename + ".ics");
    });
    $root.querySelector(".js-checklist-reset").addEventListener("click", function () {
      ask(s.confirm_reset, s.reset_ok, s.cancel, function (yes) {
        if (yes) replaceWith({}, {}, s.done_reset);
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
      var data = exported(id, version, answers, actions, new Date().toISOString());
      download(JSON.stringify(data, null, 2), "application/json", fill(s.export_filename, { id: id }));
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
    // Writing back moves answers saved under former ids to the current ones, drops the
    // rest, and finds out early whether storage works.
    if (!start.ok || (!start.same && !writeStore(key, version, answers, actions))) {
      show($root.querySelector(".js-checklist-storage-warning"));
    }
    fillFields();
    each($root.querySelectorAll(".js-checklist-nojs"), function ($el) {
      $el.hidden = true;
    });
    each($root.querySelectorAll(".js-checklist-summary, .js-checklist-actions, .js-checklist-plan-date"), show);
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
