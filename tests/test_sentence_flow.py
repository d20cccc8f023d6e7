"""Sentences that flow: the guide reads as prose, not as a list of short statements.

Measured on the paragraphs of each page (headings, list items, table rows and code
are left out: they are short by nature), in both languages:
- between 12 and 20 words a sentence on average (test_content.py keeps the whole
  page's average at 20 or fewer);
- no run of three sentences in a row under six words each, within a paragraph.
Each failure names the file and the line where the run or the paragraph starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from conftest import LANGUAGES, NBSP, NNBSP, ROOT, page_slugs, with_fact_words

MIN_AVERAGE = 12.0
MAX_AVERAGE = 20.0
SHORT_SENTENCE = 6  # words: a sentence under this is short
SHORT_RUN = 3  # this many short sentences in a row read as a list
# Pages that are mostly something other than paragraphs: the checklist, and pages made
# of a marker the build replaces (the whole guide on one page).
NOT_PROSE = {"preparation"}
MIN_PARAGRAPH_SENTENCES = 8  # a page with fewer paragraph sentences has no average to speak of

NOT_PARAGRAPH = re.compile(
    r"^\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s|\||!!!|\?\?\?|<|---\s*$|\{|\[[^\]]*\]:\s)"  # headings, lists, tables, blocks
)
SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”)]*\s+(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9])")
WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Sentence:
    line: int
    words: int
    text: str


def _plain(text: str, lang: str) -> str:
    """A paragraph's text as read: fact words in, links and markup out."""
    text = with_fact_words(text, lang)
    text = re.sub(r"<!--.*?-->", " ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[#.][^}]*\}", "", text)
    text = re.sub(r"[*_`]", "", text)
    return text.replace(NBSP, " ").replace(NNBSP, " ")


def paragraphs(source: str) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph of a page's file, front matter and code left out;
    an admonition's indented body counts as paragraphs."""
    found: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    in_code = in_front_matter = False
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw[4:] if raw.startswith("    ") else raw
        if number == 1 and raw.strip() == "---":
            in_front_matter = True
            continue
        if in_front_matter:
            in_front_matter = raw.strip() != "---"
            continue
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if (
            in_code
            or line.lstrip().startswith(("```", "~~~"))
            or not line.strip()
            or NOT_PARAGRAPH.match(line)
        ):
            if current:
                found.append((start, " ".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line.strip())
    if current:
        found.append((start, " ".join(current)))
    return found


def sentences(source: str, lang: str) -> list[list[Sentence]]:
    """The sentences of each paragraph, each with the line its paragraph starts on."""
    result = []
    for line, text in paragraphs(source):
        parts = [part.strip() for part in SENTENCE_END.split(_plain(text, lang)) if part.strip()]
        result.append([Sentence(line, len(WORD.findall(part)), part) for part in parts if WORD.search(part)])
    return result


def short_runs(paragraph_sentences: list[list[Sentence]]) -> list[Sentence]:
    """The first sentence of each run of SHORT_RUN or more short sentences in a row."""
    runs = []
    for paragraph in paragraph_sentences:
        run: list[Sentence] = []
        for sentence in [*paragraph, None]:
            if sentence is not None and sentence.words < SHORT_SENTENCE:
                run.append(sentence)
                continue
            if len(run) >= SHORT_RUN:
                runs.append(run[0])
            run = []
    return runs


PAGES = [(slug, lang) for slug in page_slugs() if slug not in NOT_PROSE for lang in LANGUAGES]


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=[f"{s}.{lang}" for s, lang in PAGES])
def test_paragraph_sentences_average_12_to_20_words(slug: str, lang: str) -> None:
    """Sentences long enough to carry a thought, short enough to read once."""
    name = f"docs/{slug}.{lang}.md"
    found = [s for paragraph in sentences((ROOT / name).read_text(encoding="utf-8"), lang) for s in paragraph]
    if len(found) < MIN_PARAGRAPH_SENTENCES:
        return  # a page that is mostly lists, tables or a marker: nothing to average
    average = sum(s.words for s in found) / len(found)
    shortest = sorted(found, key=lambda s: s.words)[:3]
    assert MIN_AVERAGE <= average <= MAX_AVERAGE, (
        f"{name}: its paragraphs average {average:.1f} words a sentence; aim for {MIN_AVERAGE:.0f} to "
        f"{MAX_AVERAGE:.0f}: join short sentences that share a subject, split the longest. Shortest at lines "
        + ", ".join(str(s.line) for s in shortest)
    )


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=[f"{s}.{lang}" for s, lang in PAGES])
def test_no_run_of_three_short_sentences(slug: str, lang: str) -> None:
    """Three sentences in a row under six words read as a list, not as prose."""
    name = f"docs/{slug}.{lang}.md"
    runs = short_runs(sentences((ROOT / name).read_text(encoding="utf-8"), lang))
    assert runs == [], "\n".join(
        f"{name}, line {s.line}: three or more short sentences in a row from « {s.text} »; "
        "join them into one or two sentences"
        for s in runs
    )


def test_the_rules_see_what_they_look_for() -> None:
    """Short runs and averages are measured on paragraphs only, with their lines."""
    source = "---\ntitle: T\n---\n# Title\n\nOne two. Three four. Five six. A longer sentence with seven words here.\n\n- a. b. c.\n"
    found = sentences(source, "en")
    assert [[s.words for s in p] for p in found] == [[2, 2, 2, 7]]
    assert [s.line for s in short_runs(found)] == [6]
