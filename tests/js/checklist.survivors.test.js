// node --test tests/js/: cases of overrides/assets/javascripts/checklist.js's logic that
// checklist.test.js left open, each found by a mutant StrykerJS planted and no test failed
// on (make mutation; the mutants no test can tell apart are in tests/mutation/equivalent.md).
const test = require("node:test");
const assert = require("node:assert/strict");
const logic = require("../../overrides/assets/javascripts/checklist.js");

const ITEMS = [
  { name: "a", weight: 1, essential: false, formerly: [""] },
  { name: "b", weight: 2, essential: false, formerly: ["old-b"] },
];
const BY_NAME = logic.aliases(ITEMS);

test("stored answers under a version below 1 are damage: none read, however right the answers", () => {
  for (const version of [-1, -3, 0]) {
    const text = JSON.stringify({ version, answers: { a: true } });
    const saved = logic.fromSaved(text, 3, BY_NAME);
    assert.deepEqual([saved.answers, saved.same, saved.damaged], [{}, false, true], text);
    const file = JSON.stringify({ checklist: "readiness", exported: "2026-12-05T00:00:00.000Z", version, answers: { a: true } });
    assert.deepEqual(logic.imported(file, "readiness", 3, BY_NAME, {}), { error: "error_import_damaged" }, file);
  }
});

// Each zone's offset from UTC on the day tested (getTimezoneOffset: minutes, west positive).
const ZONES = { "Pacific/Auckland": -780, "America/Los_Angeles": 480 };

test("today is the reader's own calendar day, east and west of UTC, where UTC is already on another day", () => {
  const zone = process.env.TZ;
  try {
    for (const [name, offset] of Object.entries(ZONES)) {
      process.env.TZ = name;
      // Midnight and a minute to midnight, local: UTC is on the day before in the east, after in the west.
      const midnight = new Date(2026, 11, 25, 0, 0);
      const late = new Date(2026, 0, 5, 23, 59);
      assert.equal(midnight.getTimezoneOffset(), offset, name);
      assert.equal(logic.dayOf(midnight), "2026-12-25", name);
      assert.equal(logic.dayOf(late), "2026-01-05", name);
    }
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

const PLAN_ITEMS = [{ name: "a", essential: false, text: "Do a", href: "https://example.org/a" }];
const S = { plan_who_line: "Who: {who}" };
const description = (action) => {
  const text = logic.icalendar(logic.openActions(PLAN_ITEMS, {}, { a: action }), S, "readiness", "example.org", new Date(0));
  return text.replace(/\r\n /g, "").split("\r\n").filter((line) => line.startsWith("DESCRIPTION:"));
};

test("an event's description has no empty line for a person or a note the action lacks", () => {
  assert.deepEqual(description({ who: "", due: "2026-12-31", note: "" }), ["DESCRIPTION:https://example.org/a"]);
  assert.deepEqual(description({ who: "", due: "2026-12-31", note: "Budget" }), ["DESCRIPTION:Budget\\nhttps://example.org/a"]);
  assert.deepEqual(description({ who: "Émilie", due: "2026-12-31", note: "" }), ["DESCRIPTION:Who: Émilie\\nhttps://example.org/a"]);
});
