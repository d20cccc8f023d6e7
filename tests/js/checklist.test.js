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

test("stored answers of every corrupt shape give no answers, never an error", () => {
  for (const bad of [null, undefined, 42, "text", [], [true], { version: 2, answers: { a: true } }, { answers: { a: true } }, { version: 1, answers: [true] }, { version: 1, answers: "a" }, { version: 1 }]) {
    const saved = logic.fromSaved(bad, 1, BY_NAME);
    assert.deepEqual(saved.answers, {}, JSON.stringify(bad));
  }
});

test("stored answers are read; 'same' tells whether writing them back would change them", () => {
  assert.deepEqual(logic.fromSaved({ version: 1, answers: { a: true } }, 1, BY_NAME), { answers: { a: true }, same: true });
  assert.deepEqual(logic.fromSaved({ version: 1, answers: { "old-b": true } }, 1, BY_NAME), { answers: { b: true }, same: false });
  assert.deepEqual(logic.fromSaved({ version: 1, answers: { ghost: true } }, 1, BY_NAME), { answers: {}, same: false });
  assert.deepEqual(logic.fromSaved(null, 1, BY_NAME), { answers: {}, same: false });
});

test("a share link round-trips, and a tampered one is refused or cleaned", () => {
  const fragment = logic.shareFragment("readiness", { a: true, c: true });
  assert.equal(fragment, "#readiness-answers=a,c");
  assert.deepEqual(logic.sharedAnswers(fragment, "readiness", BY_NAME), { a: true, c: true });
  assert.deepEqual(logic.sharedAnswers("#readiness-answers=", "readiness", BY_NAME), {});
  assert.deepEqual(logic.sharedAnswers("#readiness-answers=a,ghost,,old-b", "readiness", BY_NAME), { a: true, b: true });
  assert.equal(logic.sharedAnswers("#other-answers=a", "readiness", BY_NAME), null);
  assert.equal(logic.sharedAnswers("#readiness-answers=a<script>", "readiness", BY_NAME), null);
  assert.equal(logic.sharedAnswers("", "readiness", BY_NAME), null);
});

test("an exported file imports back; a file for another checklist, version or shape does not", () => {
  const file = JSON.stringify(logic.exported("readiness", 1, { a: true, b: true }, "2026-12-05T00:00:00.000Z"));
  assert.deepEqual(logic.imported(file, "readiness", 1, BY_NAME), { a: true, b: true });
  assert.equal(logic.imported(file, "other", 1, BY_NAME), null);
  assert.equal(logic.imported(file, "readiness", 2, BY_NAME), null);
  for (const bad of ["", "not json", "null", "[]", '{"checklist":"readiness","version":1}', '{"checklist":"readiness","version":1,"answers":"a"}']) {
    assert.equal(logic.imported(bad, "readiness", 1, BY_NAME), null, bad);
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
  assert.deepEqual(logic.fromSaved({ version: 2, answers: {} }, 1, BY_NAME), { answers: {}, same: false });
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
