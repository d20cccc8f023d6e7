"""The guide's text: plain language, both languages in step, metadata, conventions,
and no sentence carried over from the source articles.

Thresholds (justified in README.md, "Writing the guide"):
- Flesch reading ease >= 60 in each language (textstat: Flesch for English,
  Kandel & Moles' adaptation for French): "plain language" on both scales.
- 20 words a sentence or fewer on average.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import (
    LANGUAGES,
    MAX_WORDS_PER_SENTENCE,
    MIN_READING_EASE,
    NBSP,
    NNBSP,
    ROOT,
    copied_from_sources,
    french_typography_problems,
    page_slugs,
    readability,
    us_spellings,
    with_fact_words,
)
from facts import MARKER as FACT_MARKER
from glossary import load_glossary

# French runs longer than English; beyond this ratio one version is missing content.
MAX_LENGTH_RATIO = 1.6
MAX_DESCRIPTION_LENGTH = 160

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#([\w-]+)\})?\s*$", re.MULTILINE)
FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FACT_MARKER_WITH_SPACE = re.compile(r"\s*<!--\s*fact:.*?-->")


@dataclass(frozen=True)
class Page:
    slug: str
    lang: str
    path: Path
    meta: dict[str, object]
    body: str

    @property
    def headings(self) -> list[tuple[int, str | None]]:
        """(level, explicit id) of each heading, in order."""
        return [(len(m.group(1)), m.group(3)) for m in HEADING.finditer(_without_code(self.body))]

    @property
    def prose(self) -> str:
        """The text a reader reads: no markup, no URLs, headings as sentences, each
        fact marker as the fact's words with their source and year."""
        text = _without_code(with_fact_words(self.body, self.lang))
        text = re.sub(r"\{[#.][^}]*\}", "", text)
        text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"^(!!!|\?\?\?\+?)\s*\w+(\s+\"[^\"]*\")?", "", text, flags=re.MULTILINE)
        text = re.sub(r"^#{1,6}\s+(.*)$", r"\1.", text, flags=re.MULTILINE)
        text = re.sub(r"^\s*([-*+]|\d+\.)\s+(.*?)[.:;!?]?\s*$", r"\2.", text, flags=re.MULTILINE)
        text = re.sub(r"[*_`|>]", " ", text)
        text = text.replace(NBSP, " ").replace(NNBSP, " ")
        return re.sub(r"\s+", " ", text).strip()


def _without_code(text: str) -> str:
    return HTML_COMMENT.sub("", FENCED.sub("", text))


def load_page(slug: str, lang: str) -> Page:
    path = ROOT / "docs" / f"{slug}.{lang}.md"
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else {}
    return Page(slug, lang, path, meta or {}, text[match.end() :] if match else text)


PAGES = [load_page(slug, lang) for slug in page_slugs() for lang in LANGUAGES]
PAGE_IDS = [f"{p.slug}.{p.lang}" for p in PAGES]
# The checklist page is mostly the checklist itself, rendered from data.
PROSE_PAGES = [p for p in PAGES if p.slug != "preparation"]


@pytest.mark.parametrize("page", PROSE_PAGES, ids=[f"{p.slug}.{p.lang}" for p in PROSE_PAGES])
def test_page_is_plain_language(page: Page) -> None:
    """Each page reads easily: Flesch reading ease and sentence length within the thresholds."""
    ease, words_per_sentence = readability(page.prose, page.lang)
    where = f"docs/{page.path.name}"
    assert ease >= MIN_READING_EASE, (
        f"{where}: reading ease {ease:.0f} is under {MIN_READING_EASE:.0f}; use shorter sentences and words"
    )
    assert words_per_sentence <= MAX_WORDS_PER_SENTENCE, (
        f"{where}: {words_per_sentence:.1f} words a sentence on average; aim for {MAX_WORDS_PER_SENTENCE:.0f} or fewer"
    )


@pytest.mark.parametrize("slug", page_slugs())
def test_twins_have_the_same_headings_and_ids(slug: str) -> None:
    """French and English have the same heading levels, in the same order, with the same ids."""
    french, english = load_page(slug, "fr"), load_page(slug, "en")
    assert french.headings == english.headings, (
        f"docs/{slug}.fr.md and docs/{slug}.en.md: headings differ (level, id) — "
        f"French {french.headings} / English {english.headings}"
    )


@pytest.mark.parametrize("slug", [s for s in page_slugs() if s != "preparation"])
def test_twins_have_comparable_length(slug: str) -> None:
    """Neither language is much longer than the other (a missing section shows up here)."""
    lengths = {lang: len(load_page(slug, lang).prose.split()) for lang in LANGUAGES}
    longer, shorter = max(lengths.values()), min(lengths.values())
    assert longer <= shorter * MAX_LENGTH_RATIO, f"docs/{slug}.*.md: word counts differ too much {lengths}"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_has_title_and_description(page: Page) -> None:
    """Front matter holds a title and a description (search engines, link previews)."""
    where = f"docs/{page.path.name}"
    assert isinstance(page.meta.get("title"), str) and page.meta["title"], (
        f"{where}: add `title:` to the front matter"
    )
    description = page.meta.get("description")
    assert isinstance(description, str) and description, f"{where}: add `description:` to the front matter"
    assert len(description) <= MAX_DESCRIPTION_LENGTH, (
        f"{where}: description is {len(description)} characters; keep it to {MAX_DESCRIPTION_LENGTH}"
    )


def _lines(page: Page) -> list[tuple[int, str]]:
    """(line number in the file, line) of the page's body, outside code and front matter."""
    text = page.path.read_text(encoding="utf-8")
    first_body_line = text.count("\n", 0, len(text) - len(page.body)) + 1
    return [
        (number, line)
        for number, line in enumerate(page.body.splitlines(), start=first_body_line)
        if not line.startswith(("    ", "```"))
    ]


@pytest.mark.parametrize("page", [p for p in PAGES if p.lang == "fr"], ids=lambda p: p.slug)
def test_french_typography_is_canadian(page: Page) -> None:
    """A no-break space before the colon and inside « », none before ? ! ;"""
    problems = []
    for number, line in _lines(page):
        # A fact marker stands for words: the space before it belongs to them, not to the ; after it.
        line = FACT_MARKER_WITH_SPACE.sub("", line)
        clean = HTML_COMMENT.sub("", re.sub(r"\]\([^)]*\)|\{[#.][^}]*\}|https?://\S+", "", line))
        problems += [f"line {number}: {problem}" for problem in french_typography_problems(clean)]
    assert problems == [], f"docs/{page.path.name}: " + "; ".join(problems)


@pytest.mark.parametrize("page", [p for p in PAGES if p.lang == "en"], ids=lambda p: p.slug)
def test_english_spelling_is_canadian(page: Page) -> None:
    """Canadian spelling: colour, centre, behaviour…"""
    problems = [
        f"line {number}: '{word}'"
        for number, line in _lines(page)
        for word in us_spellings(re.sub(r"\([^)]*\)", "", line))
    ]
    assert problems == [], f"docs/{page.path.name}: use Canadian spelling at " + ", ".join(problems)


@pytest.mark.parametrize("page", [p for p in PAGES if p.lang == "fr"], ids=lambda p: p.slug)
def test_no_sentence_is_copied_from_the_sources(page: Page) -> None:
    """No run of eight words is shared with a source article: write every sentence anew."""
    copied = copied_from_sources(page.prose)
    assert copied == [], f"docs/{page.path.name}: rewrite the passages taken from the sources: {copied[:5]}"


# --- Figures and dated claims come from docs/data/facts.yml (issue 16) --------------
#
# Every percentage, count and date that says when something happened or was measured
# is a fact of docs/data/facts.yml, written <!-- fact: its-id --> where the page needs it,
# so that it shows its source and year and `make review-due` knows when to check it.
# Not facts: link addresses, code, "checked on" dates, years inside an official title
# (a Loi de 2005 sur…, the text of a link to the source), and the About page's list of
# its sources (bibliography, not claims).

FACTS_HELP = "put it in docs/data/facts.yml and write <!-- fact: its-id --> here"
GLOSSARY_FILE = ROOT / "docs" / "data" / "glossary.yml"
MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
YEAR = r"(?:19|20)\d\d"
DAY_MONTH = rf"(?:(?:le\s+)?\d{{1,2}}(?:er)?\s+(?:{MONTHS})|(?:{MONTHS})(?:\s+\d{{1,2}},)?)"
NUMBER_WORD = r"(?:\d[\d\s.,]*|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|one|two|three|four|five|six|seven|eight|nine|ten)"
TIME_WORD = r"(?:en|depuis|dès|de|du|fin|début|avant|après|vers|jusqu’en|in|since|from|by|until|before|after|of|late|early|mid|a|an)"
FIGURES = [
    (
        "a figure",
        re.compile(r"\d+(?:[.,]\d+)?[\s\u00a0\u202f]?%|\b(?:pour\s?cent|per\s?cent|percent)\b", re.I),
    ),
    (
        "a figure",
        re.compile(rf"(?<![\w-]){NUMBER_WORD}\s*(?:millions?|milliards?|billions?|thousands?|mille)\b", re.I),
    ),
    (
        "a figure",
        re.compile(
            rf"(?<![\w-]){NUMBER_WORD}\s+(?:[\w’'-]+\s+){{0,3}}?(?:sur|in|out of)\s+(?:10|dix|ten)\b", re.I
        ),
    ),
    ("a dated claim", re.compile(rf"\b{TIME_WORD}\s+(?:{DAY_MONTH}\s+)?{YEAR}\b", re.I)),
    ("a dated claim", re.compile(rf"\b{DAY_MONTH}\s+{YEAR}\b", re.I)),
    ("a dated claim", re.compile(rf"\((?:[^()]*[\s,])?{YEAR}\)")),
]
NOT_CLAIMS = [
    re.compile(r"<!--.*?-->"),
    re.compile(r"`[^`]*`"),
    re.compile(r"\[[^\]]*\]\(https?://[^)]*\)"),  # a link to a source: its text is the source's title
    re.compile(r"\]\([^)]*\)|https?://\S+|\{[#.][^}]*\}"),
    re.compile(
        rf"\b(?:consulté|vérifié|checked|revu|reviewed)\w*\b[^.()]{{0,80}}?{DAY_MONTH}\s+{YEAR}", re.I
    ),
    re.compile(rf"\b(?:Loi|Règlement|Charte|Code)\s+de\s+{YEAR}\b"),  # an official title
]
# Sections whose figures are not claims about the world (page slug -> heading ids): the
# About page's list of its sources, the worked example's own results and the arithmetic
# of the measurement page's definitions. A new such section is added here, by name.
BIBLIOGRAPHY = {
    "a-propos": {"source-articles", "figures"},
    "exemple": {"checklist", "first-month"},
    "mesure": {"definitions"},
}


def figures_outside_markers(line: str) -> list[tuple[str, str]]:
    """(what was found, what it is) for each figure or dated claim of `line` that is
    not inside a fact marker."""
    for pattern in NOT_CLAIMS:
        line = pattern.sub(" ", line)
    found: list[tuple[int, int, str, str]] = []
    for kind, pattern in FIGURES:
        for match in pattern.finditer(line):
            if not any(start < match.end() and match.start() < end for start, end, _, _ in found):
                found.append((match.start(), match.end(), match.group(0).strip(), kind))
    return [(text, kind) for _, _, text, kind in sorted(found)]


def _figure_problems(where: str, numbered_lines: list[tuple[int, str]]) -> list[str]:
    return [
        f"{where}, line {number}: « {found} » is {kind}: {FACTS_HELP}"
        for number, line in numbered_lines
        for found, kind in figures_outside_markers(line)
    ]


def _page_lines_outside_bibliography(page: Page) -> list[tuple[int, str]]:
    """(line number, line) of the whole file, front matter included, outside code
    blocks and outside the sections that list the guide's sources."""
    skipped = BIBLIOGRAPHY.get(page.slug, set())
    lines, in_code, in_bibliography = [], False, False
    for number, line in enumerate(page.path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        heading = HEADING.match(line)
        if heading:
            in_bibliography = heading.group(3) in skipped
        if not in_code and not in_bibliography:
            lines.append((number, line))
    return lines


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_figures_come_from_the_facts_file(page: Page) -> None:
    """No percentage, count or dated claim is written in a page: each is a fact marker."""
    problems = _figure_problems(f"docs/{page.path.name}", _page_lines_outside_bibliography(page))
    assert problems == [], "\n".join(problems)


def test_glossary_figures_come_from_the_facts_file() -> None:
    """No percentage, count or dated claim is written in the glossary's texts either."""
    lines = GLOSSARY_FILE.read_text(encoding="utf-8").splitlines()
    texts = [
        (number, line) for number, line in enumerate(lines, start=1) if not line.lstrip().startswith("#")
    ]
    problems = _figure_problems("docs/data/glossary.yml", texts)
    assert problems == [], "\n".join(problems)


def _fact_ids(text: str) -> list[str]:
    return [match.group(1) for match in FACT_MARKER.finditer(text)]


@pytest.mark.parametrize("slug", page_slugs())
def test_twins_cite_the_same_facts_in_the_same_order(slug: str) -> None:
    """French and English show the same facts, in the same order."""
    french, english = (_fact_ids(load_page(slug, lang).body) for lang in LANGUAGES)
    assert french == english, (
        f"docs/{slug}.fr.md and docs/{slug}.en.md cite different facts: "
        f"French {french} / English {english}; use the same markers, in the same order"
    )


def test_glossary_languages_cite_the_same_facts_in_the_same_order() -> None:
    """Each glossary entry shows the same facts in French and in English, field by field."""
    problems = []
    for entry in load_glossary(GLOSSARY_FILE).entries:
        for field in ("name", "purpose", "audience", "effort"):
            french, english = (_fact_ids(getattr(entry.text(lang), field)) for lang in LANGUAGES)
            if french != english:
                problems.append(f"{entry.id}, {field}: French {french} / English {english}")
    assert problems == [], "docs/data/glossary.yml cites different facts in each language: " + "; ".join(
        problems
    )
