// node --test tests/js/: the pure part of overrides/assets/javascripts/language-anchor.js.
const test = require("node:test");
const assert = require("node:assert/strict");
const { twinHref } = require("../../overrides/assets/javascripts/language-anchor.js");

test("keeps the reader's section when the twin has it", () => {
  assert.equal(twinHref("../en/objectives/", "#goals", "audiences goals"), "../en/objectives/#goals");
});

test("opens the twin at its top when the twin lacks the section", () => {
  assert.equal(twinHref("../en/objectives/", "#objectifs-flous", "audiences goals"), "../en/objectives/");
});

test("opens the twin at its top when the reader is on no section", () => {
  assert.equal(twinHref("../en/objectives/", "", "goals"), "../en/objectives/");
  assert.equal(twinHref("../en/objectives/", "#", "goals"), "../en/objectives/");
});

test("replaces the section of an earlier visit", () => {
  assert.equal(twinHref("../en/objectives/#goals", "#audiences", "audiences goals"), "../en/objectives/#audiences");
  assert.equal(twinHref("../en/objectives/#goals", "#other", "audiences goals"), "../en/objectives/");
});

test("reads an encoded id, and a malformed one as none", () => {
  assert.equal(twinHref("./", "#caf%C3%A9", "café"), "./#caf%C3%A9");
  assert.equal(twinHref("./", "#%E0", "x"), "./");
});

test("never matches an empty list or a part of an id", () => {
  assert.equal(twinHref("./", "#goal", "goals"), "./");
  assert.equal(twinHref("./", "#goals", ""), "./");
  assert.equal(twinHref("./", "#goals", null), "./");
});
