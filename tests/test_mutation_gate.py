"""`make mutation`'s gate and table (tests/mutation/run.py): a module under the minimum
score fails the command and is named; StrykerJS's mutants listed in equivalent.md by
their code count as equivalent, the others as survivors."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from typing import Any

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("mutation_run", ROOT / "tests" / "mutation" / "run.py")
assert _spec is not None and _spec.loader is not None
run = importlib.util.module_from_spec(_spec)
sys.modules["mutation_run"] = run  # dataclasses look their module up by name
_spec.loader.exec_module(run)


def score(module: str, killed: int, survived: int, equivalent: int = 0) -> Any:
    return run.ModuleScore(module, Counter({"killed": killed, "survived": survived}), equivalent)


def test_the_minimum_is_ninety_percent() -> None:
    assert run.MINIMUM_SCORE == 90.0


def test_a_module_exactly_at_the_minimum_passes_and_one_just_under_fails() -> None:
    at = score("facts", killed=85, survived=15, equivalent=5)  # (85 + 5) / 100
    under = score("glossary", killed=899, survived=101, equivalent=0)  # 89.9 %
    assert at.score == 90.0
    assert run.below_minimum([at, under]) == ["glossary"]


def test_the_table_names_each_module_and_marks_the_one_under_the_minimum() -> None:
    scores = [score("facts", 9, 1), score("glossary", 8, 2), score(run.JAVASCRIPT, 10, 0)]
    lines = run.table(scores).splitlines()
    assert lines[0].split() == ["module", "generated", "killed", "survived", "equivalent", "score"]
    assert lines[1].split() == ["facts", "10", "9", "1", "0", "90.0%"]
    assert lines[2].split() == ["glossary", "10", "8", "2", "0", "80.0%", "under", "90", "%"]
    assert lines[3].split() == ["hooks/", "(all)", "20", "17", "3", "0", "85.0%"]  # not gated
    assert lines[4].split() == ["checklist.js", "10", "10", "0", "0", "100.0%"]


def test_no_mutant_scores_full_marks() -> None:
    assert score("empty", 0, 0).score == 100.0


def test_javascript_mutants_listed_by_code_count_as_equivalent() -> None:
    source = 'function clean(raw) {\n  if (raw && typeof raw === "object") return raw;\n}\n'
    mutant = {"mutatorName": "ConditionalExpression", "replacement": "true"}
    report = {
        "files": {
            "overrides/assets/javascripts/checklist.js": {
                "source": source,
                "mutants": [
                    # `typeof raw === "object"`: line 2, columns 14 to 37 (from 1, end excluded).
                    {
                        **mutant,
                        "id": "1",
                        "status": "Survived",
                        "location": {"start": {"line": 2, "column": 14}, "end": {"line": 2, "column": 37}},
                    },
                    {
                        **mutant,
                        "id": "2",
                        "status": "Survived",
                        "location": {"start": {"line": 2, "column": 7}, "end": {"line": 2, "column": 10}},
                    },
                    {**mutant, "id": "3", "status": "Killed", "location": {}},
                    {**mutant, "id": "4", "status": "Timeout", "location": {}},
                    {**mutant, "id": "5", "status": "CompileError", "location": {}},
                    {
                        **mutant,
                        "id": "6",
                        "status": "NoCoverage",
                        "location": {"start": {"line": 2, "column": 7}, "end": {"line": 2, "column": 10}},
                    },
                ],
            }
        }
    }
    equivalent = [('typeof raw === "object"', "true")]
    module, survivors = run.collect_javascript(report, equivalent)
    assert (module.generated, module.killed, module.survived, module.equivalent) == (5, 2, 3, 1)
    assert list(survivors) == [
        "checklist.js:2 ConditionalExpression #2",
        "checklist.js:2 ConditionalExpression #6",
    ]
    assert survivors["checklist.js:2 ConditionalExpression #2"] == "Survived\n- raw\n+ true"


def test_equivalent_md_lists_the_javascript_mutants_in_the_form_the_gate_reads() -> None:
    listed = run.javascript_equivalents()
    assert ("catch (error) { return undefined; }", "{}") in listed
    assert len(listed) == sum(
        1
        for line in (ROOT / "tests" / "mutation" / "equivalent.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("- `") and "→" in line
    )


def test_each_javascript_equivalent_is_still_in_the_script() -> None:
    """An entry whose code left checklist.js matches no mutant any more: it must go (or be
    written anew from the next StrykerJS report), so that the list stays true."""
    script = (ROOT / "overrides" / "assets" / "javascripts" / "checklist.js").read_text(encoding="utf-8")
    for code, _replacement in run.javascript_equivalents():
        pattern = r"\s*".join(re.escape(word) for word in code.split())
        assert re.search(pattern, script), (
            f"tests/mutation/equivalent.md: `{code}` is no longer in checklist.js"
        )
