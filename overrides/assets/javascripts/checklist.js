/*
 * Checklists (hooks/templates/checklist.html): answers, actions and snapshots saved in this
 * browser (localStorage["mdx-checklist.<id>"]: {"version": 3, "organization": "", "answers":
 * {"<item>": true}, "actions": {"<item>": {"who", "due", "note"}}, "snapshots": [{"name",
 * "taken", "answers"}]}; README.md, "The checklist's file format"), the result, the plan and
 * the comparisons. Works without it. Pure logic first (tests/js/).
 */
(function () {
  "use strict";

  // As hooks/checklist.py's fill.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, name) => (Object.hasOwn(values, name) ? String(values[name]) : match));
  }

  // Current and former ids to the current id.
  function aliases(items) {
    var byName = {};
    items.forEach((item) => {
      byName[item.name] = item.name;
      (item.formerly || []).forEach((old) => {
        if (old) byName[old] = item.name;
      });
    });
    return byName;
  }

  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  function clean(raw, byName) {
    var result = {};
    if (isObject(raw)) {
      Object.keys(raw).forEach((name) => {
        if (raw[name] === true && Object.hasOwn(byName, name)) result[byName[name]] = true;
      });
    }
    return result;
  }

  var FIELDS = ["who", "due", "note"];
  var MAX_SNAPSHOTS = 5;
  function cleanText(value, size) {
    return typeof value === "string" ? value.trim().slice(0, size) : "";
  }
  // A time (ms since 1970, UTC) as its day, "2026-12-05".
  function isoDay(time) {
    return new Date(time).toISOString().slice(0, 10);
  }
  function isDay(text) {
    var time = Date.parse(text + "T00:00Z");
    return /^[1-9]\d{3}-\d\d-\d\d$/.test(text) && time === time && isoDay(time) === text;
  }
  function cleanAction(raw) {
    if (!isObject(raw)) return null;
    var action = {};
    var said = false;
    FIELDS.forEach((field) => {
      var value = cleanText(raw[field], 500);
      action[field] = field !== "due" || isDay(value) ? value : "";
      said = said || !!action[field];
    });
    return said ? action : null;
  }

  // A name, the day it was taken, its answers (cleaned as the current ones).
  function cleanSnapshot(raw, byName) {
    var name = isObject(raw) && cleanText(raw.name, 100);
    return name && isDay(raw.taken) && isObject(raw.answers) ? { name: name, taken: raw.taken, answers: clean(raw.answers, byName) } : null;
  }

  // What storage keeps, in this order.
  function stored(version, state) {
    return { version: version, organization: state.organization, answers: state.answers, actions: state.actions, snapshots: state.snapshots };
  }

  // Versions 1 (answers) and 2 (actions too) are migrated; `same`: stored as it would be
  // written; `damaged`: some unreadable (each action and snapshot on its own).
  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return undefined;
    }
  }
  function fromSaved(raw, version, byName) {
    var data = parse(raw);
    var from = isObject(data) && isObject(data.answers) && Number.isInteger(data.version) && data.version > 0 && data.version <= version ? data.version : 0;
    var state = { organization: "", answers: from ? clean(data.answers, byName) : {}, actions: {}, snapshots: [], damaged: data !== null && !from };
    if (from > 1 && !isObject(data.actions)) state.damaged = true;
    else if (from > 1) {
      Object.keys(data.actions).forEach((name) => {
        if (!Object.hasOwn(byName, name)) return;
        var action = cleanAction(data.actions[name]);
        if (JSON.stringify(action) !== JSON.stringify(data.actions[name])) state.damaged = true;
        if (action) state.actions[byName[name]] = action;
      });
    }
    if (from > 2) {
      (Array.isArray(data.snapshots) ? data.snapshots : [null]).forEach((raw) => {
        var snapshot = cleanSnapshot(raw, byName);
        if (snapshot && state.snapshots.length < MAX_SNAPSHOTS) state.snapshots.push(snapshot);
        else state.damaged = true;
      });
      state.organization = cleanText(data.organization, 200);
    }
    state.same = from === version && raw === JSON.stringify(stored(version, state));
    return state;
  }

  // Weighted score, rounded down.
  function tally(items, answers) {
    var result = { done: 0, total: items.length, score: 0, essentialsDone: true };
    var weight = 0;
    var weightDone = 0;
    items.forEach((item) => {
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

  // The first level reached; none before the first answer.
  function levelIndex(levels, result) {
    return result.done ? levels.findIndex((level) => result.score >= level.minScore && (result.essentialsDone || !level.requiresEssentials)) : -1;
  }

  function countTicked(names, answers) {
    return names.filter((name) => answers[name] === true).length;
  }

  // The link before version 2, still opened: #<id>-answers=id1,id2.
  function sharedAnswers(hash, id, byName) {
    var match = new RegExp("^#" + id + "-answers=([a-z0-9,-]*)$").exec(hash);
    if (!match) return null;
    var shared = {};
    match[1].split(",").forEach((name) => {
      if (name) shared[name] = true;
    });
    return clean(shared, byName);
  }

  // #<id>-share=2,<ticked>,<who>,<due: days, base 36>,…,<check>: README, "Share link".
  function checksum(text, items) {
    var sum = 7;
    for (var c of items.map((item) => item.formerly[0] || item.name) + text) sum = (sum * 31 + c.charCodeAt(0)) % 2147483647;
    return sum.toString(36);
  }
  function shareFragment(id, items, answers, actions) {
    var text = [2];
    items.forEach((item) => {
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
      items.forEach((item, i) => {
        var [ticked, who, days] = parts.slice(3 * i, 3 * i + 3);
        var action = cleanAction({ who: decodeURIComponent(who.replace(/\+/g, " ")), due: days && isoDay(parseInt(days, 36) * 864e5) });
        if (ticked) plan.answers[item.name] = true;
        if (action) plan.actions[item.name] = action;
      });
    } catch (error) {
      return false;
    }
    return plan;
  }

  function exported(id, version, state, when) {
    return Object.assign({ checklist: id, exported: when }, stored(version, state));
  }
  // An older file's missing parts (version 1: actions; 1 and 2: snapshots, organization):
  // the reader's (`current`) stay. A file with any part unreadable changes nothing.
  function imported(text, id, version, byName, current) {
    var data = parse(text);
    if (!isObject(data) || data.checklist !== id) return { error: "error_import" };
    if (data.version > version) return { error: "error_import_version" };
    var saved = fromSaved(text, version, byName);
    if (saved.damaged) return { error: "error_import_damaged" };
    var newer = data.version > 2;
    return {
      answers: saved.answers,
      actions: data.version > 1 ? saved.actions : current.actions,
      snapshots: newer ? saved.snapshots : current.snapshots,
      organization: newer ? saved.organization : current.organization,
    };
  }

  // Two sets of answers: each one's score and level; by section, the items gained and lost.
  function compared(items, levels, sections, before, after) {
    function side(answers) {
      var result = tally(items, answers);
      result.level = levelIndex(levels, result);
      return result;
    }
    return {
      before: side(before),
      after: side(after),
      sections: sections.map((section) => {
        function gained(from, to) {
          return section.names.filter((name) => to[name] === true && from[name] !== true);
        }
        return { before: countTicked(section.names, before), after: countTicked(section.names, after), gained: gained(before, after), lost: gained(after, before) };
      }),
    };
  }

  // Ticking an item marks its action done. Essential first, then by date (none: last);
  // the sort is stable: ties keep the checklist's order.
  function openActions(items, answers, actions) {
    var time = (entry) => Date.parse(entry.action.due) || Infinity;
    return items
      .map((item) => ({ item: item, action: actions[item.name] }))
      .filter((entry) => entry.action && answers[entry.item.name] !== true)
      .sort((a, b) => b.item.essential - a.item.essential || time(a) - time(b));
  }
  function overdue(due, today) {
    return !!due && due < today;
  }
  function dayOf(date) {
    return isoDay(date - date.getTimezoneOffset() * 6e4);
  }

  // The byte order mark makes Excel read UTF-8.
  function csv(rows, separator) {
    var lines = rows.map((row) => '"' + row.join("\0").replace(/"/g, '""').split("\0").join('"' + separator + '"') + '"');
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  function planRows(entries, s, today) {
    var rows = [[s.csv_action, s.essential, s.plan_who, s.plan_due, s.plan_overdue, s.plan_note, s.csv_link]];
    entries.forEach((entry) => {
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
      var bytes = new TextEncoder().encode(char).length;
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
    entries.forEach((entry) => {
      var a = entry.action;
      if (!a.due) return;
      var about = [a.who && fill(s.plan_who_line, { who: a.who }), a.note, entry.item.href].filter(Boolean);
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + id + "-" + entry.item.name + "@" + host,
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + a.due.replace(/-/g, ""),
        "DTEND;VALUE=DATE:" + isoDay(Date.parse(a.due) + 864e5).replace(/-/g, ""),
        "SUMMARY:" + icsText(entry.item.text),
        "DESCRIPTION:" + icsText(about.join("\n")),
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // Stryker disable all: the wiring below is the browser tests'.
  var logic = { fill, aliases, clean, fromSaved, tally, levelIndex, countTicked, shareFragment, sharedAnswers, sharedPlan, checksum, exported, imported, isDay, cleanAction, openActions, overdue, dayOf, csv, planRows, icsText, fold, icalendar, cleanSnapshot, stored, compared, MAX_SNAPSHOTS };
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
  function writeStore(key, version, state) {
    try {
      window.localStorage.setItem(key, JSON.stringify(stored(version, state)));
      return true;
    } catch (error) {
      return false;
    }
  }

  function count(answers) {
    return Object.keys(answers).length;
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
    setTimeout(() => {
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
    var items = Array.from($inputs, ($input, i) => ({
        $plan: $plans[i],
        name: $input.name,
        weight: Number($input.getAttribute("data-weight")),
        essential: $input.hasAttribute("data-essential"),
        formerly: ($input.getAttribute("data-formerly") || "").split(" "),
      }));
    var sections = Array.from($root.querySelectorAll(".js-checklist-section"), ($el) => ({
        $el: $el,
        $status: $el.querySelector(".js-checklist-section-status"),
        title: $el.querySelector(".js-checklist-section-title").textContent,
        names: Array.from($el.querySelectorAll(".js-checklist-input"), ($input) => $input.name),
      }));
    var $levels = $root.querySelectorAll(".js-checklist-level");
    var levels = Array.from($levels, ($level) => ({
        title: $level.querySelector(".js-checklist-level-title").textContent,
        minScore: Number($level.getAttribute("data-min-score")),
        requiresEssentials: $level.hasAttribute("data-requires-essentials"),
      }));
    var $gaps = $q("gaps");
    var $gapItems = $gaps.querySelectorAll("[data-item]");
    // Each action's link, in the gaps' list.
    var $links = {};
    $gapItems.forEach(($li) => {
      $links[$li.getAttribute("data-item")] = $li.firstChild;
    });
    var $dialog = $q("dialog");
    var $file = $q("file");
    var $shareUrl = $q("share-url");
    var $org = $q("organization");
    var $name = $q("snapshot-name");
    var $snapshots = $q("snapshot-list");
    var $from = $q("compare-from");
    var $to = $q("compare-to");
    var byName = aliases(items);
    var pending;
    var answers = {};
    var actions = {};
    var snapshots = [];
    var organization = "";

    function load() {
      var read = readStore(key);
      var saved = fromSaved(read.value, version, byName);
      saved.ok = read.ok;
      return saved;
    }
    function state() {
      return { organization, answers, actions, snapshots };
    }
    function adopt(next) {
      organization = next.organization;
      answers = next.answers;
      actions = next.actions;
      snapshots = next.snapshots;
      $org.value = organization;
    }
    function save() {
      if (!writeStore(key, version, state())) show($q("storage-warning"));
    }
    function show($el) {
      $el.hidden = false;
    }
    function say(text) {
      $q("message").textContent = text;
    }

    function plan() {
      return openActions(items, answers, actions).map((entry) => {
        var $link = $links[entry.item.name];
        entry.item.text = $link.textContent;
        entry.item.href = $link.href;
        return entry;
      });
    }
    function showPlan() {
      var entries = plan();
      var today = dayOf(new Date());
      // Built apart, then put in the page at once.
      var $list = document.createDocumentFragment();
      entries.forEach((entry, i) => {
        var a = entry.action;
        // Numbered in text: list markers made laying out the plan slower (checklist.css).
        var $li = add($list, "li", i + 1 + ".");
        $li.dataset.item = entry.item.name;
        add($li, "a", entry.item.text).href = entry.item.href;
        if (entry.item.essential) add($li, "strong", s.essential, "mdx-checklist__tag");
        if (overdue(a.due, today)) add($li, "strong", s.plan_overdue, "mdx-checklist__tag mdx-checklist__tag--overdue");
        // One line, after a break: faster to lay out than a paragraph, or three.
        var about = [a.who && fill(s.plan_who_line, { who: a.who }), a.due && fill(s.plan_due_line, { date: a.due }), a.note];
        $li.append(document.createElement("br"), about.filter(Boolean).join(" · "));
      });
      $q("plan").querySelector("ol").replaceChildren($list);
      showDates(today);
      $q("plan-empty").hidden = entries.length > 0;
      $q("plan-actions").hidden = !entries.length;
    }
    // The organization's name above each date: on the plan and the printout.
    function showDates(today) {
      $root.querySelectorAll(".js-checklist-org-name").forEach(($el) => {
        $el.textContent = organization;
      });
      $q("plan-date").textContent = fill(s.plan_date, { date: today });
      $q("printed").textContent = fill(s.answers_date, { date: today });
    }

    // Far down the page: drawn in the next task, after the result and the plan.
    function showSnapshots() {
      setTimeout(drawSnapshots);
    }
    function drawSnapshots() {
      $snapshots.textContent = $from.textContent = $to.textContent = "";
      snapshots.forEach((snapshot, i) => {
        var text = fill(s.snapshot_option, { name: snapshot.name, date: snapshot.taken });
        var $button = add(add($snapshots, "li", text), "button", fill(s.snapshot_delete, { name: snapshot.name }), "md-button");
        $button.dataset.snapshot = i;
        add($from, "option", text).value = add($to, "option", text).value = i;
      });
      add($to, "option", s.compare_now).value = "now";
      $to.value = "now";
      $q("compare").hidden = !snapshots.length;
      showComparison();
    }
    function showComparison() {
      if (!snapshots.length) return;
      var result = compared(items, levels, sections, (snapshots[$from.value] || state()).answers, (snapshots[$to.value] || state()).answers);
      [result.before, result.after].forEach((side, i) => {
        var texts = {
          name: [$from, $to][i].selectedOptions[0].text,
          score: fill(s.compare_score_value, side),
          level: (levels[side.level] || { title: s.compare_no_level }).title,
          done: fill(s.section_status, side),
        };
        for (var name in texts) $root.querySelectorAll(".js-checklist-compare-" + name)[i].textContent = texts[name];
      });
      var $list = $q("compare-sections");
      $list.textContent = "";
      result.sections.forEach((change, i) => {
        var section = sections[i];
        if (!change.gained.length && !change.lost.length) return;
        var $li = add($list, "li", fill(s.compare_section, Object.assign({ section: section.title, total: section.names.length }, change)));
        [change.gained, change.lost].forEach((names, lost) => {
          if (!names.length) return;
          add($li, "p", lost ? s.compare_lost : s.compare_gained);
          var $items = add($li, "ul", "");
          names.forEach((name) => {
            add($items, "li", document.getElementById(id + "-" + name).nextElementSibling.firstChild.textContent.trim());
          });
        });
      });
    }

    // An action's fields are made (from the page's <template>) and filled when its disclosure
    // opens, or is clicked to open: 300 fields cost milliseconds and 40 % of the page's HTML.
    function makeFields($details) {
      if ($details.children[1]) return;
      $details.append($q("plan-fields").content.cloneNode(true));
      $details.querySelectorAll("[data-field]").forEach(($field) => {
        $field.id = $field.previousElementSibling.htmlFor = id + "-" + $details.getAttribute("data-item") + "-" + $field.getAttribute("data-field");
      });
    }
    function fillFields() {
      $plans.forEach(($details) => {
        if ($details.open) fillAction($details);
      });
    }
    function fillAction($details) {
      makeFields($details);
      var action = actions[$details.getAttribute("data-item")] || {};
      $details.querySelectorAll("[data-field]").forEach(($field) => {
        var value = action[$field.getAttribute("data-field")] || "";
        if ($field.value !== value) $field.value = value;
      });
    }

    function update(changedSection) {
      var result = tally(items, answers);
      var announce = [];
      items.forEach((item, i) => {
        var on = answers[item.name] === true;
        if ($inputs[i].checked !== on) $inputs[i].checked = on;
        if (item.$plan.hidden !== on) item.$plan.hidden = on;
      });
      sections.forEach((section) => {
        var values = { done: countTicked(section.names, answers), total: section.names.length };
        var text = fill(s.section_status, values);
        if (section.$status.textContent !== text) section.$status.textContent = text;
        if (section.$el === changedSection) {
          values.section = section.title;
          announce.push(fill(s.status_section, values));
        }
      });
      var overall = fill(s.status_overall, result);
      $q("progress").value = result.score;
      $q("overall").textContent = overall;
      var started = result.done > 0;
      $q("start").hidden = started;
      var index = levelIndex(levels, result);
      var current = $levels[index];
      $levels.forEach(($level) => {
        $level.hidden = $level !== current;
        $level.classList.toggle("mdx-checklist__level--current", $level === current);
      });
      $gapItems.forEach(($li) => {
        $li.hidden = answers[$li.getAttribute("data-item")] === true;
      });
      $gaps.hidden = !started || result.done === result.total;
      $root.classList.toggle("mdx-checklist--complete", result.done === result.total);
      showPlan();
      if (changedSection) {
        if ($to.value === "now") showComparison();
        announce.push(overall);
        if (current) announce.push(fill(s.status_level, { level: levels[index].title }));
        $q("live").textContent = announce.join(" ");
      }
    }

    function ask(text, ok, cancel, then) {
      // Its question, then its two buttons.
      $dialog.querySelectorAll("p, button").forEach(($el, i) => {
        $el.textContent = [text, ok, cancel][i];
      });
      pending = then;
      $dialog.returnValue = "";
      $dialog.showModal();
      $dialog.querySelector(".js-checklist-dialog-cancel").focus();
    }
    $dialog.addEventListener("close", () => {
      var then = pending;
      pending = null;
      if (then) then($dialog.returnValue === "ok");
    });

    function refresh() {
      fillFields();
      update(null);
      showSnapshots();
    }
    // `more`: the snapshots and organization to take too (else they stay).
    function replaceWith(next, nextActions, message, more) {
      adopt(Object.assign(state(), more, { answers: next, actions: nextActions }));
      save();
      refresh();
      say(message);
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
      ask(fill(s.confirm_share, { count: count(shared.answers), saved: count(answers) }), s.replace_ok, s.keep_mine, (yes) => {
        if (yes) replaceWith(shared.answers, next, loaded);
        else say(s.done_share_kept);
      });
    }

    $q("form").addEventListener("submit", (event) => {
      event.preventDefault();
    });
    $root.addEventListener("change", (event) => {
      var $input = event.target;
      // The comparison's choice (or a text field's, which costs nothing).
      if (!$input.classList.contains("js-checklist-input")) return showComparison();
      if ($input.checked) answers[$input.name] = true;
      else delete answers[$input.name];
      save();
      update($input.closest(".js-checklist-section"));
    });
    $root.addEventListener("click", (event) => {
      var $details = event.target.closest(".js-checklist-plan-item");
      if ($details) makeFields($details);
    });
    $root.addEventListener(
      "toggle",
      (event) => {
        if (event.target.open && event.target.dataset.item) fillAction(event.target);
      },
      true
    );
    $root.addEventListener("input", (event) => {
      if (event.target === $org) {
        organization = cleanText($org.value, 200);
        save();
        return showDates(dayOf(new Date()));
      }
      var $details = event.target.closest(".js-checklist-plan-item");
      if (!$details) return;
      var raw = {};
      $details.querySelectorAll("[data-field]").forEach(($field) => {
        raw[$field.getAttribute("data-field")] = $field.value;
      });
      var name = $details.getAttribute("data-item");
      var action = cleanAction(raw);
      if (action) actions[name] = action;
      else delete actions[name];
      save();
      showPlan();
    });
    on("plan-print", () => {
      // checklist.css prints the plan alone while <html> has this class.
      var classes = document.documentElement.classList;
      classes.add("mdx-print-plan");
      window.addEventListener("afterprint", () => {
        classes.remove("mdx-print-plan");
      });
      window.print();
    });
    on("plan-csv", () => {
      download(csv(planRows(plan(), s, dayOf(new Date())), s.csv_separator), "text/csv;charset=utf-8", s.plan_filename + ".csv");
    });
    on("plan-ics", () => {
      var entries = plan();
      if (!entries.some((entry) => entry.action.due)) return say(s.plan_no_dates);
      download(icalendar(entries, s, id, location.host || "localhost", new Date()), "text/calendar;charset=utf-8", s.plan_filename + ".ics");
    });
    on("reset", () => {
      ask(s.confirm_reset, s.reset_ok, s.cancel, (yes) => {
        if (yes) replaceWith({}, {}, s.done_reset, { snapshots: [], organization: "" });
      });
    });
    function keep(message) {
      save();
      showSnapshots();
      say(message);
    }
    on("snapshot-take", () => {
      if (snapshots.length >= MAX_SNAPSHOTS) return say(s.snapshot_full);
      var today = dayOf(new Date());
      var name = cleanText($name.value, 100) || today;
      snapshots.push({ name: name, taken: today, answers: Object.assign({}, answers) });
      $name.value = "";
      keep(fill(s.done_snapshot, { name: name }));
    });
    $snapshots.addEventListener("click", (event) => {
      var snapshot = snapshots[event.target.dataset.snapshot];
      if (!snapshot) return;
      ask(fill(s.confirm_snapshot_delete, { name: snapshot.name }), s.delete_ok, s.cancel, (yes) => {
        if (!yes) return;
        snapshots.splice(snapshots.indexOf(snapshot), 1);
        $name.focus();
        keep(fill(s.done_snapshot_deleted, { name: snapshot.name }));
      });
    });
    on("print", () => {
      window.print();
    });
    on("share", () => {
      $shareUrl.value = location.href.split("#")[0] + shareFragment(id, items, answers, actions);
      show($q("share-output"));
      $shareUrl.focus();
      $shareUrl.select();
      say(s.share_ready);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText($shareUrl.value).then(
          () => {
            say(s.share_copied);
          },
          () => {}
        );
      }
    });
    on("export", () => {
      var data = JSON.stringify(exported(id, version, state(), new Date().toISOString()), null, 2);
      download(data, "application/json", fill(s.export_filename, { id: id }));
    });
    on("import", () => {
      $file.click();
    });
    $file.addEventListener("change", () => {
      var file = $file.files && $file.files[0];
      $file.value = "";
      if (!file) return;
      file.text().then(
        (text) => {
          var next = imported(text, id, version, byName, state());
          if (next.error) return say(s[next.error]);
          replaceWith(next.answers, next.actions, fill(s.done_import, { count: count(next.answers) }), next);
        },
        () => {
          say(s.error_import);
        }
      );
    });

    var start = load();
    adopt(start);
    if (start.damaged) say(s.storage_damaged);
    // Writing back migrates, and tests storage early.
    if (!start.ok || (!start.same && !writeStore(key, version, start))) {
      show($q("storage-warning"));
    }
    $root.querySelectorAll(".js-checklist-nojs").forEach(($el) => {
      $el.hidden = true;
    });
    $root.querySelectorAll(".js-checklist-js").forEach(show);
    refresh();
    openShared();
    window.addEventListener("hashchange", () => {
      if (document.body.contains($root)) openShared();
    });
    // Another tab's changes; listened for late: it costs Chromium milliseconds.
    setTimeout(() => {
      window.addEventListener("storage", (event) => {
        if ((event.key === key || event.key === null) && document.body.contains($root)) {
          adopt(load());
          refresh();
        }
      });
    }, 0);
  }

  function init() {
    document.querySelectorAll('[data-module="mdx-checklist"]:not([data-checklist-ready])').forEach(($root) => {
      $root.setAttribute("data-checklist-ready", "");
      try {
        Checklist($root);
      } catch (error) {
        console.warn("checklist:", error);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
