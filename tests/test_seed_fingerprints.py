"""The "no copied sentence" check without the source articles: the repository keeps
fingerprints of their runs of eight words (tests/checks/seed-fingerprints.txt), made by
tests/checks/seed_fingerprints.py. The matching is tested on made-up articles (the real
ones are not in the repository, and no test stores a sentence of them), and nothing the
tests, the Makefile or CI run may read the articles from beside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import seed_fingerprints
from checks.seed_fingerprints import FINGERPRINTS_FILE, copied_runs
from conftest import ROOT

ARTICLE_A = """Le pélican brun traverse la baie chaque matin avant l’aube, suivi de trois mouettes.
Ensuite, il se pose sur le quai numéro sept et attend le retour des bateaux de pêche."""
ARTICLE_B = "Une horloge de gare qui retarde de quatre minutes fait manquer le train de midi aux voyageurs."


@pytest.fixture
def made_up_prints(tmp_path: Path) -> frozenset[str]:
    """Fingerprints of two made-up articles, written by the script as an editor runs it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (articles / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    output = tmp_path / "prints.txt"
    assert seed_fingerprints.main([str(articles), "--output", str(output)]) == 0
    return seed_fingerprints.load(output)


def test_the_stored_fingerprints_hide_the_text() -> None:
    """One 16-hex-digit digest a line, sorted and distinct, as many as the header says."""
    lines = FINGERPRINTS_FILE.read_text(encoding="utf-8").splitlines()
    prints = [line for line in lines if not line.startswith("#")]
    assert all(re.fullmatch(r"[0-9a-f]{16}", line) for line in prints)
    assert prints == sorted(set(prints))
    assert f"# {len(prints)} fingerprints" in lines
    assert len(prints) > 1000, "the articles have some 4,500 runs of eight words"


def test_a_copied_run_of_eight_words_is_caught(made_up_prints: frozenset[str]) -> None:
    """Eight words in a row from an article are found, whatever the case, punctuation or line breaks."""
    text = "Notre guide dit : « IL SE POSE, sur le quai\nnuméro sept! » Puis il repart."
    assert copied_runs(text, made_up_prints) == ["il se pose sur le quai numéro sept"]


def test_seven_words_or_words_across_two_articles_are_not(made_up_prints: frozenset[str]) -> None:
    """Facts may carry over: seven shared words are fine, and the articles are not one text."""
    assert copied_runs("Il se pose sur le quai numéro huit.", made_up_prints) == []
    across = "attend le retour des bateaux de pêche une horloge de gare"
    assert copied_runs(across, made_up_prints) == []
    assert copied_runs(ARTICLE_B, made_up_prints) != []


def test_regenerating_gives_the_same_bytes(tmp_path: Path) -> None:
    """The file depends on the articles only: not on their order, nor on the system."""
    (tmp_path / "one.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE_B, encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    seed_fingerprints.main([str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--output", str(first)])
    seed_fingerprints.main([str(tmp_path / "two.txt"), str(tmp_path / "one.txt"), "--output", str(second)])
    assert first.read_bytes() == second.read_bytes()
    assert b"\r" not in first.read_bytes()
    assert "pélican" not in first.read_text(encoding="utf-8")


def test_the_script_needs_the_articles_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No default place for the articles: the path is given, and a wrong one is named."""
    with pytest.raises(SystemExit) as exit_info:
        seed_fingerprints.main([])
    assert exit_info.value.code == 2
    missing = tmp_path / "nowhere"
    assert seed_fingerprints.main([str(missing), "--output", str(tmp_path / "out")]) == 2
    assert f"{missing}: no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# What reading the articles from beside the repository looks like in a file.
OUTSIDE_PATHS = re.compile(r"\.\./shared|shared['\"]?\s*/\s*['\"]?seeds|parent\s*/\s*['\"]shared")


def test_nothing_reads_the_articles_from_outside_the_repository() -> None:
    """tests/, the Makefile, .ci/ and .github/ never name the folder beside the repository that holds the articles."""
    files = [ROOT / "Makefile"]
    for folder in ("tests", ".ci", ".github"):
        files += [
            path
            for path in (ROOT / folder).rglob("*")
            if path.is_file() and "node_modules" not in path.parts and "__pycache__" not in path.parts
        ]
    offending = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE_PATHS.search(line)
    ]
    assert len(files) > 20
    assert offending == [], "these lines read a path outside the repository"
