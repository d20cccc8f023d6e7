// node --test tests/js/: the logic of overrides/assets/javascripts/checklist.js, loaded
// from that very file (the page loads the same file as it is). The browser tests keep
// what only a browser shows: the wiring, storage that throws, print, keyboard, axe.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const logic = require("../../overrides/assets/javascripts/checklist.js");

const PLACEHOLDERS = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "placeholders.json"), "utf8"));

// Three items worth 1, 2 and 3 points, the last one essential; "b" was once "old-b".
const ITEMS = [
  { name: "a", weight: 1, essential: false, formerly: [""] },
  { name: "b", weight: 2, essential: false, formerly: ["old-b"] },
  { name: "c", weight: 3, essential: true, formerly: [""] },
];
const BY_NAME = logic.aliases(ITEMS);
// Levels as the real checklist orders them: the highest first, the last catches the rest.
const LEVELS = [
  { minScore: 80, requiresEssentials: true },
  { minScore: 50, requiresEssentials: true },
  { minScore: 0, requiresEssentials: false },
];

test("fill gives the same text as the Python formatter, case by case", () => {
  for (const { template, values, expected } of PLACEHOLDERS.cases) {
    assert.equal(logic.fill(template, values), expected, template);
  }
});

test("nothing ticked: no score, no level, every essential missing", () => {
  const result = logic.tally(ITEMS, {});
  assert.deepEqual(result, { done: 0, total: 3, score: 0, essentialsDone: false });
  assert.equal(logic.levelIndex(LEVELS, result), -1);
});

test("everything ticked: 100, the highest level", () => {
  const result = logic.tally(ITEMS, { a: true, b: true, c: true });
  assert.deepEqual(result, { done: 3, total: 3, score: 100, essentialsDone: true });
  assert.equal(logic.levelIndex(LEVELS, result), 0);
});

test("the score is weighted and rounded down", () => {
  // 1 + 2 of 6 points: 50 exactly; 1 of 6: 16.67 -> 16; 5 of 6: 83.3 -> 83.
  assert.equal(logic.tally(ITEMS, { a: true, b: true }).score, 50);
  assert.equal(logic.tally(ITEMS, { a: true }).score, 16);
  assert.equal(logic.tally(ITEMS, { b: true, c: true }).score, 83);
  // The real checklist's case: 27 of 67 points is 40 (40.298...).
  const many = Array.from({ length: 67 }, (_, i) => ({ name: "i" + i, weight: 1, essential: false }));
  const ticked = Object.fromEntries(many.slice(0, 27).map((item) => [item.name, true]));
  assert.equal(logic.tally(many, ticked).score, 40);
});

test("a level is reached exactly at its threshold, not just under", () => {
  const at = { done: 2, total: 3, score: 80, essentialsDone: true };
  const under = { done: 2, total: 3, score: 79, essentialsDone: true };
  assert.equal(logic.levelIndex(LEVELS, at), 0);
  assert.equal(logic.levelIndex(LEVELS, under), 1);
  assert.equal(logic.levelIndex(LEVELS, { ...under, score: 50 }), 1);
  assert.equal(logic.levelIndex(LEVELS, { ...under, score: 49 }), 2);
});

test("a missing essential holds back the levels that require them, whatever the score", () => {
  const result = { done: 2, total: 3, score: 99, essentialsDone: false };
  assert.equal(logic.levelIndex(LEVELS, result), 2);
});

test("unknown ids and anything but true are dropped; former ids move to the current one", () => {
  const cleaned = logic.clean({ a: true, "old-b": true, c: "yes", ghost: true, __proto__: { x: true } }, BY_NAME);
  assert.deepEqual(cleaned, { a: true, b: true });
  assert.deepEqual(logic.clean({ toString: true, hasOwnProperty: true }, BY_NAME), {});
});

// The stored text of a value, as localStorage holds it.
const stored = (value) => JSON.stringify(value);
const ACTION = { who: "Émilie", due: "2026-12-01", note: "Budget; « révision »" };

test("stored answers of every corrupt shape give no answers, never an error, and say so", () => {
  for (const bad of ["{not json", "42", '"text"', "[]", "[true]", stored({ version: 4, answers: { a: true } }), stored({ version: 2.5, answers: { a: true } }), stored({ version: "3", answers: { a: true } }), stored({ version: 0, answers: { a: true } }), stored({ answers: { a: true } }), stored({ version: 1, answers: [true] }), stored({ version: 2, answers: "a", actions: {} }), stored({ version: 1 })]) {
    const saved = logic.fromSaved(bad, 3, BY_NAME);
    assert.deepEqual([saved.answers, saved.actions, saved.snapshots, saved.organization, saved.same, saved.damaged], [{}, {}, [], "", false, true], bad);
  }
});

// What the page keeps: the state (the fields of the current version) and whether it must be written back.
const EMPTY = { organization: "", answers: {}, actions: {}, snapshots: [] };
const read = (state, same = false, damaged = false) => ({ ...EMPTY, ...state, same, damaged });

test("nothing stored: nothing read, nothing damaged", () => {
  assert.deepEqual(logic.fromSaved(null, 3, BY_NAME), read({}));
  assert.deepEqual(logic.fromSaved("null", 3, BY_NAME).damaged, false);
});

test("stored answers and actions are read; 'same' tells whether writing them back would change them", () => {
  const now = logic.stored(3, { ...EMPTY, organization: "Ville", answers: { a: true }, actions: { b: ACTION } });
  assert.deepEqual(Object.keys(now), ["version", "organization", "answers", "actions", "snapshots"]);
  assert.deepEqual(logic.fromSaved(stored(now), 3, BY_NAME), read({ organization: "Ville", answers: { a: true }, actions: { b: ACTION } }, true));
  // The same data written in another order is written back (in the page's order).
  assert.equal(logic.fromSaved(stored({ answers: now.answers, version: 3, organization: "Ville", actions: now.actions, snapshots: [] }), 3, BY_NAME).same, false);
  const renamed = logic.fromSaved(stored({ version: 2, answers: { "old-b": true }, actions: { "old-b": ACTION } }), 3, BY_NAME);
  assert.deepEqual(renamed, read({ answers: { b: true }, actions: { b: ACTION } }));
  // An item removed from the checklist: its answer and action go, and that is not damage.
  const removed = logic.fromSaved(stored({ version: 2, answers: { ghost: true }, actions: { ghost: ACTION } }), 3, BY_NAME);
  assert.deepEqual(removed, read({}));
});

test("the old formats (version 1, answers only; version 2, and actions) are migrated and written back", () => {
  const old = logic.fromSaved(stored({ version: 1, answers: { a: true, "old-b": true } }), 3, BY_NAME);
  assert.deepEqual(old, read({ answers: { a: true, b: true } }));
  const two = logic.fromSaved(stored({ version: 2, answers: { a: true }, actions: { c: ACTION } }), 3, BY_NAME);
  assert.deepEqual(two, read({ answers: { a: true }, actions: { c: ACTION } }));
});

test("a damaged action is left out, the good answers and actions are kept, and the damage is told", () => {
  const mixed = { version: 2, answers: { a: true, c: "yes" }, actions: { b: ACTION, c: "Marie", a: { who: 42, due: "2026-12-01", note: "" } } };
  const saved = logic.fromSaved(stored(mixed), 3, BY_NAME);
  assert.deepEqual(saved.answers, { a: true });
  assert.deepEqual(saved.actions, { b: ACTION, a: { who: "", due: "2026-12-01", note: "" } });
  assert.equal(saved.damaged, true);
  assert.equal(saved.same, false);
  for (const actions of [undefined, "all", [ACTION], null]) {
    const back = logic.fromSaved(stored({ version: 2, answers: { a: true }, actions }), 3, BY_NAME);
    assert.deepEqual([back.answers, back.actions, back.damaged], [{ a: true }, {}, true], String(actions));
  }
});

test("an action keeps three strings: trimmed, the date a real day or nothing; an empty one is no action", () => {
  assert.deepEqual(logic.cleanAction({ who: "  Émilie ", due: "2026-12-01", note: "x", extra: 1 }), { who: "Émilie", due: "2026-12-01", note: "x" });
  assert.deepEqual(logic.cleanAction({ due: "2026-02-30" }), null);
  assert.deepEqual(logic.cleanAction({ who: "a", due: "1/12/2026" }), { who: "a", due: "", note: "" });
  assert.equal(logic.cleanAction({ who: "x".repeat(600) }).who.length, 500);
  for (const bad of [null, undefined, "Marie", [], 42, { who: " ", due: "", note: "" }, { who: 1, note: false }]) {
    assert.equal(logic.cleanAction(bad), null, JSON.stringify(bad));
  }
});

test("a day is a real calendar day with a four-digit year", () => {
  for (const day of ["2026-12-01", "2028-02-29", "1000-01-01", "9999-12-31"]) assert.equal(logic.isDay(day), true, day);
  for (const day of ["2026-02-29", "2026-13-01", "0099-01-01", "2026-1-1", "", "2026-12-01T00:00", " 2026-12-01"]) assert.equal(logic.isDay(day), false, day);
});

test("an old share link (answers only) round-trips, and a tampered one is refused or cleaned", () => {
  const fragment = "#readiness-answers=a,c";
  assert.deepEqual(logic.sharedAnswers(fragment, "readiness", BY_NAME), { a: true, c: true });
  assert.deepEqual(logic.sharedAnswers("#readiness-answers=", "readiness", BY_NAME), {});
  assert.deepEqual(logic.sharedAnswers("#readiness-answers=a,ghost,,old-b", "readiness", BY_NAME), { a: true, b: true });
  assert.equal(logic.sharedAnswers("#other-answers=a", "readiness", BY_NAME), null);
  assert.equal(logic.sharedAnswers("#readiness-answers=a<script>", "readiness", BY_NAME), null);
  assert.equal(logic.sharedAnswers("", "readiness", BY_NAME), null);
});

const FULL = { organization: "Ville de Québec", answers: { a: true, b: true }, actions: { c: ACTION }, snapshots: [{ name: "Premier essai", taken: "2026-01-05", answers: { a: true } }] };
const MINE = { organization: "Mine", answers: { c: true }, actions: { a: ACTION }, snapshots: [{ name: "Mine", taken: "2026-02-01", answers: {} }] };
const file = (data) => JSON.stringify({ checklist: "readiness", exported: "2026-12-05T00:00:00.000Z", ...data });

test("an exported file carries everything and imports back whole", () => {
  const data = logic.exported("readiness", 3, FULL, "2026-12-05T00:00:00.000Z");
  assert.deepEqual(data, { checklist: "readiness", exported: "2026-12-05T00:00:00.000Z", version: 3, ...FULL });
  assert.deepEqual(logic.imported(JSON.stringify(data), "readiness", 3, BY_NAME, MINE), FULL);
});

test("a bad file changes nothing and says why: not this checklist's, newer, or damaged", () => {
  const good = logic.exported("readiness", 3, FULL, "2026-12-05T00:00:00.000Z");
  const cases = {
    error_import: ["", "not json", "null", "[]", '"readiness"', JSON.stringify({ ...good, checklist: "other" }), JSON.stringify({ ...good, checklist: undefined })],
    error_import_version: [JSON.stringify({ ...good, version: 4 })],
    error_import_damaged: [
      file({ version: 3 }),
      file({ version: 0, answers: {} }),
      file({ version: 3, answers: "a", actions: {}, snapshots: [] }),
      file({ version: 2, answers: {}, actions: { c: "x" } }),
      file({ ...good, snapshots: [...FULL.snapshots, { name: "", taken: "2026-01-01", answers: {} }] }),
    ],
  };
  for (const [error, texts] of Object.entries(cases)) {
    for (const text of texts) assert.deepEqual(logic.imported(text, "readiness", 3, BY_NAME, MINE), { error }, text);
  }
});

test("an older export still imports: what its version lacked stays the reader's", () => {
  const one = file({ version: 1, answers: { a: true, "old-b": true } });
  assert.deepEqual(logic.imported(one, "readiness", 3, BY_NAME, MINE), { ...MINE, answers: { a: true, b: true } });
  const two = file({ version: 2, answers: { a: true }, actions: { "old-b": ACTION } });
  assert.deepEqual(logic.imported(two, "readiness", 3, BY_NAME, MINE), { ...MINE, answers: { a: true }, actions: { b: ACTION } });
  // Version 3 with no organization: none (the file says so by its version).
  const three = file({ version: 3, answers: {}, actions: {}, snapshots: [] });
  assert.deepEqual(logic.imported(three, "readiness", 3, BY_NAME, MINE), EMPTY);
});

// --- Snapshots ------------------------------------------------------------------------------

const SNAP = { name: "Premier essai", taken: "2026-01-05", answers: { a: true } };

test("snapshots are read with their answers cleaned as the current ones (former ids renamed)", () => {
  const data = logic.stored(3, { ...EMPTY, snapshots: [SNAP, { name: " Trois mois ", taken: "2026-04-05", answers: { "old-b": true, ghost: true, c: "yes" } }] });
  const saved = logic.fromSaved(stored(data), 3, BY_NAME);
  assert.deepEqual(saved.snapshots, [SNAP, { name: "Trois mois", taken: "2026-04-05", answers: { b: true } }]);
  assert.equal(saved.damaged, false);
  assert.equal(saved.same, false);
  assert.equal(logic.fromSaved(stored(logic.stored(3, { ...EMPTY, snapshots: [SNAP] })), 3, BY_NAME).same, true);
});

test("a corrupt snapshot is dropped on its own: the answers, actions and other snapshots stay", () => {
  const bad = [null, "x", [], { name: "", taken: "2026-01-01", answers: {} }, { name: "n", taken: "2026-02-30", answers: {} }, { name: "n", taken: "2026-01-01" }, { name: 3, taken: "2026-01-01", answers: {} }, { name: "n", taken: "2026-01-01", answers: [] }];
  for (const snapshot of bad) {
    assert.equal(logic.cleanSnapshot(snapshot, BY_NAME), null, JSON.stringify(snapshot));
    const data = { version: 3, organization: "Ville", answers: { a: true }, actions: { b: ACTION }, snapshots: [SNAP, snapshot] };
    assert.deepEqual(logic.fromSaved(stored(data), 3, BY_NAME), read({ organization: "Ville", answers: { a: true }, actions: { b: ACTION }, snapshots: [SNAP] }, false, true), JSON.stringify(snapshot));
  }
  for (const snapshots of [undefined, "all", {}, null]) {
    const saved = logic.fromSaved(stored({ version: 3, organization: "", answers: { a: true }, actions: { b: ACTION }, snapshots }), 3, BY_NAME);
    assert.deepEqual([saved.answers, saved.actions, saved.snapshots, saved.damaged], [{ a: true }, { b: ACTION }, [], true], String(snapshots));
  }
});

test("at most five snapshots are kept: the first five; a sixth is damage", () => {
  const six = Array.from({ length: 6 }, (_, i) => ({ ...SNAP, name: "s" + i }));
  const saved = logic.fromSaved(stored({ version: 3, organization: "", answers: {}, actions: {}, snapshots: six }), 3, BY_NAME);
  assert.equal(logic.MAX_SNAPSHOTS, 5);
  assert.deepEqual(saved.snapshots.map((s) => s.name), ["s0", "s1", "s2", "s3", "s4"]);
  assert.equal(saved.damaged, true);
  const five = logic.fromSaved(stored({ version: 3, organization: "", answers: {}, actions: {}, snapshots: six.slice(0, 5) }), 3, BY_NAME);
  assert.equal(five.damaged, false);
});

test("a snapshot's name is trimmed and cut at 100 characters; the organization's at 200; one that is not text is none", () => {
  assert.equal(logic.cleanSnapshot({ ...SNAP, name: "x".repeat(150) }, BY_NAME).name.length, 100);
  const saved = logic.fromSaved(stored({ version: 3, organization: "  " + "y".repeat(250), answers: {}, actions: {}, snapshots: [] }), 3, BY_NAME);
  assert.equal(saved.organization, "y".repeat(200));
  assert.equal(saved.damaged, false);
  for (const organization of [42, null, ["x"]]) {
    assert.equal(logic.fromSaved(stored({ version: 3, organization, answers: {}, actions: {}, snapshots: [] }), 3, BY_NAME).organization, "");
  }
});

const SECTIONS = [{ names: ["a", "b"] }, { names: ["c"] }];

test("compared: each side's score and level; by section, the items gained and lost", () => {
  const result = logic.compared(ITEMS, LEVELS, SECTIONS, { a: true, c: true }, { b: true, c: true });
  assert.deepEqual(result.before, { done: 2, total: 3, score: 66, essentialsDone: true, level: 1 });
  assert.deepEqual(result.after, { done: 2, total: 3, score: 83, essentialsDone: true, level: 0 });
  assert.deepEqual(result.sections, [
    { before: 1, after: 1, gained: ["b"], lost: ["a"] },
    { before: 1, after: 1, gained: [], lost: [] },
  ]);
});

test("compared with nothing ticked: no level; the same answers: no change in any section", () => {
  const result = logic.compared(ITEMS, LEVELS, SECTIONS, {}, { c: true });
  assert.equal(result.before.level, -1);
  assert.deepEqual(result.sections[1], { before: 0, after: 1, gained: ["c"], lost: [] });
  const same = logic.compared(ITEMS, LEVELS, SECTIONS, { a: true }, { a: true });
  assert.ok(same.sections.every((s) => !s.gained.length && !s.lost.length));
  assert.deepEqual(same.before, same.after);
});

// --- The plan ------------------------------------------------------------------------------

const PLAN_ITEMS = [
  { name: "a", essential: false, text: "Do a", href: "https://example.org/a" },
  { name: "b", essential: true, text: "Do b", href: "https://example.org/b" },
  { name: "c", essential: false, text: "Do c", href: "https://example.org/c" },
  { name: "d", essential: true, text: "Do d", href: "https://example.org/d" },
  { name: "e", essential: false, text: "Do e", href: "https://example.org/e" },
];
const act = (due, who = "", note = "") => ({ who, due, note });
const names = (entries) => entries.map((entry) => entry.item.name);
const S = {
  csv_action: "Action", essential: "Essential", plan_who: "Who", plan_due: "Target date", plan_overdue: "Overdue",
  plan_note: "Note", csv_link: "Link", csv_yes: "Yes", plan_who_line: "Who: {who}",
};

test("the plan: essentials first, then by date, undated last, then in the checklist's order", () => {
  const actions = { a: act("2026-01-05"), b: act(""), c: act("2026-01-01"), d: act("2026-03-01"), e: act("") };
  assert.deepEqual(names(logic.openActions(PLAN_ITEMS, {}, actions)), ["d", "b", "c", "a", "e"]);
});

test("the plan leaves out ticked items (their action is done), items without action, and unknown ids", () => {
  const actions = { a: act("2026-01-05"), b: act("2026-01-01"), ghost: act("2026-01-01") };
  assert.deepEqual(names(logic.openActions(PLAN_ITEMS, { b: true }, actions)), ["a"]);
  assert.deepEqual(logic.openActions(PLAN_ITEMS, {}, {}), []);
});

test("overdue from the day after the target date; never without a date", () => {
  assert.equal(logic.overdue("2026-12-04", "2026-12-05"), true);
  assert.equal(logic.overdue("2026-12-05", "2026-12-05"), false);
  assert.equal(logic.overdue("2026-12-06", "2026-12-05"), false);
  assert.equal(logic.overdue("2025-12-31", "2026-01-01"), true);
  assert.equal(logic.overdue("", "2026-12-05"), false);
});

test("today is the local calendar day, zero-padded", () => {
  assert.equal(logic.dayOf(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(logic.dayOf(new Date(2026, 11, 25, 0, 0)), "2026-12-25");
});

test("CSV: byte order mark, every field quoted, quotes doubled, CRLF, the separator given", () => {
  assert.equal(logic.csv([["a", 'say "hi"'], ["é;,", "two\nlines"]], ";"), '\ufeff"a";"say ""hi"""\r\n"é;,";"two\nlines"\r\n');
  assert.equal(logic.csv([["only"]], ","), '\ufeff"only"\r\n');
});

test("the plan's rows: a header in the page's words, then one row per open action", () => {
  const entries = logic.openActions(PLAN_ITEMS, {}, { b: act("2026-01-01", "Émilie", "n"), c: act("") });
  assert.deepEqual(logic.planRows(entries, S, "2026-01-02"), [
    ["Action", "Essential", "Who", "Target date", "Overdue", "Note", "Link"],
    ["Do b", "Yes", "Émilie", "2026-01-01", "Yes", "n", "https://example.org/b"],
    ["Do c", "", "", "", "", "", "https://example.org/c"],
  ]);
  assert.deepEqual(logic.planRows([], S, "2026-01-02").length, 1);
});

test("iCalendar text: backslash, semicolon, comma and line breaks escaped; control characters dropped", () => {
  assert.equal(logic.icsText("a\\b;c,d\ne\r\nf\rg\u0007h\ti"), "a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti");
  assert.equal(logic.icsText(""), "");
});

const octets = (line) => Buffer.byteLength(line, "utf8");

test("folding: 75 octets stay on one line, 76 fold; continuation lines start with a space", () => {
  assert.equal(logic.fold("x".repeat(75)), "x".repeat(75));
  assert.equal(logic.fold("x".repeat(76)), "x".repeat(75) + "\r\n x");
  const long = logic.fold("y".repeat(75 + 74 + 1));
  assert.deepEqual(long.split("\r\n").map(octets), [75, 75, 2]);
});

test("folding counts octets, not characters, and never splits a character", () => {
  // 74 ASCII then "é" (2 octets): 76 octets, so "é" moves whole to the next line.
  assert.equal(logic.fold("x".repeat(74) + "é"), "x".repeat(74) + "\r\n é");
  assert.equal(logic.fold("x".repeat(73) + "é"), "x".repeat(73) + "é");
  // A 3-octet "€" and a 4-octet emoji straddling the boundary.
  assert.equal(logic.fold("x".repeat(73) + "€"), "x".repeat(73) + "\r\n €");
  assert.equal(logic.fold("x".repeat(72) + "€"), "x".repeat(72) + "€");
  assert.equal(logic.fold("x".repeat(72) + "📅"), "x".repeat(72) + "\r\n 📅");
  const accented = logic.fold("é".repeat(100));
  for (const line of accented.split("\r\n")) {
    assert.ok(octets(line) <= 75, line);
    assert.ok(!line.includes("\ufffd"));
  }
  assert.equal(accented.split("\r\n").map((line, i) => (i ? line.slice(1) : line)).join(""), "é".repeat(100));
});

test("iCalendar: one all-day event per dated action, with UID, DTSTAMP, escaped and folded text", () => {
  const long = "Écrire ce que nous attendons des médias sociaux; avec l’équipe, « vite »";
  const items = [{ name: "goals", essential: true, text: long, href: "https://example.org/objectifs/#goals" }, ...PLAN_ITEMS];
  const actions = { goals: act("2026-12-31", "Émilie", "Ligne 1\nLigne 2"), a: act("") };
  const text = logic.icalendar(logic.openActions(items, {}, actions), S, "readiness", "example.org", new Date(Date.UTC(2026, 11, 5, 18, 36, 7, 123)));
  const lines = text.split("\r\n");
  assert.equal(lines.pop(), "");
  for (const line of lines) assert.ok(octets(line) <= 75, line);
  const unfolded = text.replace(/\r\n /g, "").split("\r\n");
  assert.deepEqual(unfolded.slice(0, 3), ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mdx-checklist//readiness//EN"]);
  assert.equal(unfolded.filter((line) => line === "BEGIN:VEVENT").length, 1);
  assert.ok(unfolded.includes("UID:readiness-goals@example.org"));
  assert.ok(unfolded.includes("DTSTAMP:20261205T183607Z"));
  assert.ok(unfolded.includes("DTSTART;VALUE=DATE:20261231"));
  assert.ok(unfolded.includes("DTEND;VALUE=DATE:20270101"));
  assert.ok(unfolded.includes("SUMMARY:Écrire ce que nous attendons des médias sociaux\\; avec l’équipe\\, « vite »"));
  assert.ok(unfolded.includes("DESCRIPTION:Who: Émilie\\nLigne 1\\nLigne 2\\nhttps://example.org/objectifs/#goals"));
  assert.deepEqual(unfolded.slice(-3), ["END:VEVENT", "END:VCALENDAR", ""]);
});

test("iCalendar of an empty plan, or of actions without dates: a valid calendar with no event", () => {
  for (const entries of [[], logic.openActions(PLAN_ITEMS, {}, { a: act("", "x") })]) {
    const text = logic.icalendar(entries, S, "readiness", "example.org", new Date(0));
    assert.equal(text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//mdx-checklist//readiness//EN\r\nEND:VCALENDAR\r\n");
  }
});

test("a section counts only its own ticked items", () => {
  assert.equal(logic.countTicked(["a", "b"], { a: true, c: true }), 1);
  assert.equal(logic.countTicked([], { a: true }), 0);
});

test("an item without former ids, or with an empty one, is known by its own id only", () => {
  assert.deepEqual(logic.aliases([{ name: "a" }]), { a: "a" });
  assert.deepEqual(logic.aliases([{ name: "a", formerly: [""] }]), { a: "a" });
});

test("answers that are not an object give no answers, never an error", () => {
  for (const bad of [null, undefined, 0, false, "", [true]]) {
    assert.deepEqual(logic.clean(bad, BY_NAME), {}, String(bad));
  }
});

test("answers stored under another version are not 'same': they are written back", () => {
  assert.deepEqual(logic.fromSaved(stored({ version: 1, answers: {} }), 3, BY_NAME), read({}));
});

test("an optional item left unticked does not hold back the essentials", () => {
  assert.equal(logic.tally(ITEMS, { c: true }).essentialsDone, true);
});

test("a score under every level's threshold reaches no level", () => {
  const result = { done: 1, total: 3, score: 10, essentialsDone: true };
  assert.equal(logic.levelIndex([{ minScore: 50, requiresEssentials: false }], result), -1);
});

test("every ticked item of a section counts, and only a tick that is true", () => {
  assert.equal(logic.countTicked(["a", "b"], { a: true, b: true }), 2);
  assert.equal(logic.countTicked(["a", "b"], { a: "yes", b: 1 }), 0);
});

test("a share link is read only when the fragment starts with it", () => {
  assert.equal(logic.sharedAnswers("#x#readiness-answers=a", "readiness", BY_NAME), null);
  assert.equal(logic.sharedAnswers("readiness-answers=a", "readiness", BY_NAME), null);
});

test("a share link keeps ids of several letters whole", () => {
  const byName = logic.aliases([{ name: "owner-backup" }]);
  assert.deepEqual(logic.sharedAnswers("#readiness-answers=owner-backup", "readiness", byName), { "owner-backup": true });
});

// --- The share link, version 2: answers and actions (README, "Share link") ---------------------

const share = (answers, actions, items = ITEMS) => logic.shareFragment("readiness", items, answers, actions);
const open = (hash, items = ITEMS) => logic.sharedPlan(hash, "readiness", items, logic.aliases(items));
// A link whose check is right for `body`: what someone who rewrites a link by hand can make.
const forged = (body, items = ITEMS) => "#readiness-share=" + body + "," + logic.checksum(body, items);
const FULL_ACTION = { who: "Élise Martin, 2027-01-05, note « x »", due: "2027-01-05", note: "" };

test("a share link carries every answer and every action's who and date, and reads back the same", () => {
  const answers = { a: true, c: true };
  const actions = { a: { who: "Léa", due: "", note: "" }, b: FULL_ACTION, c: { who: "", due: "2026-12-31", note: "" } };
  assert.deepEqual(open(share(answers, actions)), { answers, actions });
  assert.deepEqual(open(share({}, {})), { answers: {}, actions: {} });
  const all = { a: true, b: true, c: true };
  const every = { a: FULL_ACTION, b: FULL_ACTION, c: FULL_ACTION };
  assert.deepEqual(open(share(all, every)), { answers: all, actions: every });
});

test("the link's exact text: version, three fields an item in order, percent-encoded, then the check", () => {
  const fragment = share({ a: true }, { b: { who: "Élise M.", due: "2027-01-05", note: "x" } });
  // 2027-01-05 is day 20,823 after 1970-01-01: g2f in base 36.
  const check = logic.checksum("2,1,,,,%C3%89lise+M.,g2f,,,", ITEMS);
  assert.equal(fragment, "#readiness-share=2,1,,,,%C3%89lise+M.,g2f,,,," + check);
  assert.match(check, /^[0-9a-z]{1,6}$/);
  // The check covers the items' first ids, then the text, character by character.
  assert.equal(logic.checksum("", []), "7");
  assert.equal(logic.checksum("a", []), (7 * 31 + 97).toString(36));
  assert.equal(logic.checksum("", [{ name: "b", formerly: ["a"] }]), logic.checksum("a", []));
  assert.equal(logic.checksum("\uffff".repeat(9), []), logic.checksum("\uffff".repeat(9), []));
  assert.ok(Number.parseInt(logic.checksum("\uffff".repeat(9), []), 36) < 2147483647);
});

test("the notes stay out of the link: it would be too long for an email", () => {
  const opened = open(share({}, { a: { who: "", due: "", note: "Only a note" }, b: { who: "Léa", due: "", note: "A note" } }));
  assert.deepEqual(opened.actions, { b: { who: "Léa", due: "", note: "" } });
});

test("the link is plain ASCII with no space, and commas, plus signs and percent signs in a name survive", () => {
  const who = "Zoë O'Brien (comms) + Jean, 100 % « sûr » \u{1F600}";
  const fragment = share({}, { a: { who, due: "", note: "" } });
  assert.match(fragment, /^[!-~]+$/);
  assert.deepEqual(open(fragment).actions.a.who, who);
});

test("an old link (answers only) still opens: its answers, and no actions, so the reader's stay", () => {
  assert.deepEqual(open("#readiness-answers=a,old-b"), { answers: { a: true, b: true } });
  assert.deepEqual(open("#readiness-answers="), { answers: {} });
});

test("a fragment that is no share link of this checklist is not one: nothing to open, nothing to say", () => {
  for (const hash of ["", "#", "#goals", "#readiness", "#readiness-shar", "#other-share=2,,,," + share({}, {}).slice(-6), "readiness-share=2", "#x#readiness-share=2"]) {
    assert.equal(open(hash), null, hash);
  }
});

test("a link cut short anywhere, or with any one character changed, is refused whole", () => {
  const fragment = share({ a: true }, { b: FULL_ACTION, c: { who: "Marc", due: "2026-12-01", note: "" } });
  const start = "#readiness-share=".length;
  for (let end = start; end < fragment.length; end += 1) {
    assert.equal(open(fragment.slice(0, end)), false, fragment.slice(0, end));
  }
  for (let at = start; at < fragment.length; at += 1) {
    for (const char of ["0", "1", "a", "z", ",", "%", "+", "Z"]) {
      if (fragment[at] === char) continue;
      const changed = fragment.slice(0, at) + char + fragment.slice(at + 1);
      assert.equal(open(changed), false, changed);
    }
  }
  assert.equal(open(fragment + ","), false);
  assert.equal(open(fragment + "0"), false);
});

test("a link made for other items (added, removed, moved) is refused; a renamed item keeps its first id", () => {
  const fragment = share({ b: true }, { b: FULL_ACTION });
  assert.equal(open(fragment, [ITEMS[0], ITEMS[1]]), false);
  assert.equal(open(fragment, [...ITEMS, { name: "d", formerly: [""] }]), false);
  assert.equal(open(fragment, [ITEMS[1], ITEMS[0], ITEMS[2]]), false);
  // "b" (once "old-b") renamed again to "bee": the link opens, on "bee".
  const renamed = [ITEMS[0], { name: "bee", formerly: ["old-b", "b"] }, ITEMS[2]];
  assert.deepEqual(open(fragment, renamed), { answers: { bee: true }, actions: { bee: FULL_ACTION } });
  // A link made before the first rename, when the item was still "old-b".
  const before = [ITEMS[0], { name: "old-b", formerly: [""] }, ITEMS[2]];
  assert.deepEqual(open(share({ "old-b": true }, {}, before)), { answers: { b: true }, actions: {} });
});

test("a link rewritten by hand with a right check is still read with care", () => {
  // Another version, the wrong number of fields, broken percent-encoding, a day out of any calendar: refused.
  for (const body of ["3,,,,,,,,,", "2,,,,,,,,", "2,,,,,,,,,,", "2", "", "2,,%E9,,,,,,,", "2,,%,,,,,,,", "2,,%C3,,,,,,,", "2,,,zzzzzzzz,,,,,,"]) {
    assert.equal(open(forged(body)), false, body);
  }
  // Fields that make no sense are dropped as stored ones are: blank, too long, a year before 1000.
  const read = open(forged("2,yes,+,g2f,0,Jo,-zzzz,," + "x".repeat(600) + ",0"));
  assert.deepEqual(read, { answers: { a: true, b: true }, actions: { a: { who: "", due: "2027-01-05", note: "" }, b: { who: "Jo", due: "", note: "" }, c: { who: "x".repeat(500), due: "1970-01-01", note: "" } } });
});

test("every day from year 1000 to 9999 goes through the link as it was", () => {
  for (const due of ["1000-01-01", "1969-12-31", "1970-01-01", "2028-02-29", "9999-12-31"]) {
    assert.deepEqual(open(share({}, { a: { who: "", due, note: "" } })).actions, { a: { who: "", due, note: "" } }, due);
  }
});
