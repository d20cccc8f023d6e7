"""The facts file (docs/data/facts.yml) and its markers: the shared data-file loader
(hooks/data_files.py), checking every fact, finding and replacing markers, rendering a
fact with its source and year, and the hook inside a real build.

Build tests copy docs/ to a temporary folder, change the copy, and build the real
mkdocs.yml with `docs_dir` pointing at it.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, build_site, failed_build
from data_files import (
    DataFileError,
    Location,
    body_first_line,
    date_value,
    localized_text,
    parse_data,
)
from facts import (
    FACTS_FILE,
    Fact,
    check_markers,
    escape_keeping_markers,
    find_markers,
    load_facts,
    parse_facts,
    render_fact,
    replace_markers,
)

LABEL = "docs/data/facts.yml"


def _fact(fact_id: str = "linkedin-members", **changes: Any) -> dict[str, Any]:
    fact: dict[str, Any] = {
        "id": fact_id,
        "fr": "plus d’un milliard de membres",
        "en": "more than 1 billion members",
        "source": "LinkedIn",
        "url": "https://news.linkedin.com/about-us",
        "year": 2023,
        "checked": date(2026, 12, 5),
        "review_by": date(2027, 6, 5),
    }
    for key, value in changes.items():
        if value is None:
            fact.pop(key)
        else:
            fact[key] = value
    return fact


def _parse(*facts: dict[str, Any]) -> dict[str, Fact]:
    return parse_facts(
        parse_data(yaml.safe_dump({"facts": list(facts)}, allow_unicode=True, sort_keys=False), LABEL)
    )


def _error(*facts: dict[str, Any]) -> str:
    with pytest.raises(DataFileError) as caught:
        _parse(*facts)
    return str(caught.value)


# --- The shared loader ------------------------------------------------------------------


def test_invalid_yaml_names_the_line() -> None:
    """A YAML mistake stops with the file and the line of the problem."""
    with pytest.raises(DataFileError, match=r"^docs/data/facts\.yml, line 3: this is not valid YAML"):
        parse_data("facts:\n  - id: a\n\tfr: tab\n", LABEL)


def test_key_given_twice_names_its_second_line() -> None:
    """YAML would let a repeated key silently win; the loader refuses it."""
    with pytest.raises(DataFileError, match=r"line 3: the key 'fr' is given twice"):
        parse_data("facts:\n  - fr: a\n    fr: b\n", LABEL)


def test_a_marker_in_a_plain_yaml_value_gets_a_hint() -> None:
    """ "key: text <!-- fact: x -->" is not valid YAML; the message says to write a block."""
    with pytest.raises(DataFileError, match=r"line 2: this is not valid YAML .*must be a block: 'key: >-'"):
        parse_data("entry:\n  purpose: More than <!-- fact: x --> users\n", LABEL)


@pytest.mark.parametrize("value", [date(2026, 12, 5), "2026-12-05"])
def test_dates_are_read_from_yaml_or_quoted(value: object) -> None:
    """A date YAML already read, or the same date quoted, gives the same day."""
    assert date_value(value, Location(LABEL, {}), "date") == date(2026, 12, 5)


@pytest.mark.parametrize("value", ["2026-13-05", "5 décembre 2026", 20261205, "20261205", "2026-W49-6", None])
def test_a_date_that_is_not_a_day_is_refused(value: object) -> None:
    """Anything but a real day written YYYY-MM-DD stops, saying how to write it."""
    with pytest.raises(DataFileError, match=r"must be a real date written YYYY-MM-DD"):
        date_value(value, Location(LABEL, {}), "date")


def test_localized_text_takes_one_text_for_both_languages() -> None:
    """A name written once serves both languages."""
    assert localized_text("LinkedIn", Location(LABEL, {}), "source") == {"fr": "LinkedIn", "en": "LinkedIn"}


def test_localized_text_needs_every_language() -> None:
    """A text given per language must be given in each."""
    with pytest.raises(DataFileError, match=r"missing English source"):
        localized_text({"fr": "Statistique Canada"}, Location(LABEL, {}), "source")


@pytest.mark.parametrize(
    ("content", "line"),
    [("# Title\n", 1), ("---\ntitle: T\n---\n# Title\n", 4), ("---\ntitle: T\n---\n\n\n# Title\n", 6)],
)
def test_body_first_line_skips_the_front_matter(content: str, line: int) -> None:
    """Markers in a page are counted from the file's first line, front matter included."""
    assert body_first_line(content) == line


# --- Checking facts -----------------------------------------------------------------------


def test_a_valid_fact_is_read_whole() -> None:
    """Every field of a fact reaches the Fact, the shared source in both languages."""
    fact = _parse(_fact())["linkedin-members"]
    assert fact.text == {"fr": "plus d’un milliard de membres", "en": "more than 1 billion members"}
    assert fact.source == {"fr": "LinkedIn", "en": "LinkedIn"}
    assert (fact.url, fact.year, fact.checked, fact.review_by) == (
        {"fr": "https://news.linkedin.com/about-us", "en": "https://news.linkedin.com/about-us"},
        2023,
        date(2026, 12, 5),
        date(2027, 6, 5),
    )
    assert fact.line == 2


def test_a_fact_may_link_a_page_per_language() -> None:
    """A source with a French and an English page links each from its own language."""
    fact = _parse(_fact(url={"fr": "https://example.ca/fr", "en": "https://example.ca/en"}))[
        "linkedin-members"
    ]
    assert '<a href="https://example.ca/fr">' in render_fact(fact, "fr")
    assert '<a href="https://example.ca/en">' in render_fact(fact, "en")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ({"fr": "https://example.ca/fr"}, r"missing English url"),
        ({"fr": "https://example.ca/fr", "en": "http://example.ca/en"}, r"the url must be one address"),
        ({"fr": "https://a.ca", "en": "https://b.ca", "de": "https://c.de"}, r"unknown language 'de'"),
    ],
)
def test_urls_per_language_are_checked(url: dict[str, str], message: str) -> None:
    """Per-language addresses need every language, each an https address."""
    assert re.search(message, _error(_fact(url=url))), _error(_fact(url=url))


def test_a_fact_may_leave_out_its_url() -> None:
    """A figure from the 2010-2013 source articles has no address to link."""
    assert _parse(_fact(url=None))["linkedin-members"].url is None


def test_an_empty_file_has_no_facts() -> None:
    """A file with 'facts:' and only comments is valid: no facts yet."""
    assert parse_facts(parse_data("facts:\n  # none yet\n", LABEL)) == {}


@pytest.mark.parametrize(
    ("fact", "message"),
    [
        (_fact(en=None), r"line 2, entry 'linkedin-members': missing English text"),
        (_fact(fr=None), r"entry 'linkedin-members': missing French text"),
        (_fact(year=None), r"entry 'linkedin-members': missing 'year'"),
        (_fact(source=None), r"missing 'source'"),
        (_fact(review_by=None), r"missing 'review_by'"),
        (_fact(checked=None), r"missing 'checked'"),
        (_fact(source={"fr": "LinkedIn"}), r"missing English source: add a line 'en:' under it"),
        (_fact(sources="LinkedIn"), r"unknown key 'sources'; allowed keys: checked, en, fr, id, review_by"),
        (_fact(checked="2026-02-30"), r"the 'checked' date must be a real date written YYYY-MM-DD"),
        (_fact(review_by=date(2026, 12, 5)), r"'review_by' \(2026-12-05\) must come after 'checked'"),
        (_fact(url="http://example.org"), r"the url must be one address starting with https://"),
        (_fact(year=2027), r"not after the day it was checked \(2026-12-05\); it is 2027"),
        (_fact(year="2023"), r"the year must be the year the fact is about"),
        (_fact(en="1 <b>billion</b>"), r"must not hold markup or markers"),
        (_fact(fr="   "), r"the text in fr must be some text"),
        (_fact("LinkedIn"), r"the id 'LinkedIn' is not valid"),
        (_fact(id=None), r"missing 'id'"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_broken_fact_stops_with_its_problem(fact: dict[str, Any], message: str) -> None:
    """Each problem an editor can make is named, with the fact it is in."""
    assert re.search(message, _error(fact)), _error(fact)


def test_a_day_that_does_not_exist_is_named_with_its_line() -> None:
    """YAML reads 2027-02-30 as a date and fails; the editor gets the line, not a traceback."""
    text = "facts:\n  - id: a\n    fr: un\n    en: one\n    source: S\n    year: 2020\n"
    text += "    checked: 2027-02-30\n    review_by: 2028-01-01\n"
    with pytest.raises(
        DataFileError, match=r"line 7, entry 'a': the 'checked' date must be a real date.*'2027-02-30'"
    ):
        parse_facts(parse_data(text, LABEL))


def test_the_line_is_that_of_the_bad_field() -> None:
    """The message points at the line an editor must change, not the fact's first line."""
    text = "facts:\n  - id: a\n    fr: un\n    en: one\n    source: S\n    year: 2020\n"
    text += "    checked: 2026-12-05\n    review_by: 2026-01-01\n"
    with pytest.raises(DataFileError, match=r"facts\.yml, line 8, entry 'a': 'review_by'"):
        parse_facts(parse_data(text, LABEL))


def test_an_id_used_twice_names_both_lines() -> None:
    """Two facts with one id: the second is named, with the line of the first."""
    assert re.search(
        r"line 10, entry 'linkedin-members': the id 'linkedin-members' is used twice \(first at line 2\)",
        _error(_fact(), _fact()),
    )


@pytest.mark.parametrize(
    "text", ["- id: a\n", "facts: {a: 1}\n", "fact:\n  - id: a\n", "facts:\n  - just text\n"]
)
def test_a_file_of_the_wrong_shape_is_refused(text: str) -> None:
    """The file is 'facts:' followed by a list of facts, and nothing else."""
    with pytest.raises(DataFileError, match=r"^docs/data/facts\.yml"):
        parse_facts(parse_data(text, LABEL))


def test_missing_file_is_named(tmp_path: Path) -> None:
    """No facts file: the build says which file it looked for."""
    with pytest.raises(DataFileError, match=r"^docs/data/facts\.yml: cannot read the file"):
        load_facts(tmp_path / "facts.yml")


def test_the_real_facts_file_is_valid() -> None:
    """The guide's own facts load: each has its words in both languages, a source,
    a year, the day it was checked and the day it must be read again."""
    facts = load_facts(ROOT / "docs" / FACTS_FILE)
    for fact in facts.values():
        assert all(fact.text[lang] and fact.source[lang] for lang in LANGUAGES), fact.id
        assert fact.checked < fact.review_by, fact.id


# --- Markers --------------------------------------------------------------------------------


def test_markers_are_found_with_their_lines() -> None:
    """Each marker's line counts from the first line of the file."""
    text = "Intro.\n\nLinkedIn has <!-- fact: linkedin-members -->.\nAnd <!--fact:x-y-->.\n"
    found = find_markers(text, "page.md", first_line=5)
    assert [(m.id, m.line) for m in found] == [("linkedin-members", 7), ("x-y", 8)]


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- fact -->",
        "<!-- facts: a -->",
        "<!-- fact: Linked_In -->",
        "<!-- FACT: a -->",
        "<!-- fact: a b -->",
    ],
)
def test_a_malformed_marker_stops_with_its_line(marker: str) -> None:
    """A comment that looks like a fact marker but is not one is a mistake, not a silence."""
    with pytest.raises(
        DataFileError, match=rf"^page\.md, line 2: '{re.escape(marker)}' is not a fact marker"
    ):
        find_markers(f"Intro.\nThe figure {marker}.\n", "page.md")


def test_other_comments_are_left_alone() -> None:
    """The glossary's and the checklist's markers are not fact markers."""
    assert (
        find_markers("<!-- glossary -->\n<!-- checklist: readiness -->\n<!-- factual note -->\n", "p.md")
        == []
    )


def test_an_unknown_fact_stops_with_the_page_and_line() -> None:
    """A marker naming no fact says where it is and where facts live."""
    with pytest.raises(
        DataFileError, match=r"^page\.md, line 4: the fact 'nope' is not in docs/data/facts\.yml"
    ):
        replace_markers("A\nB <!-- fact: nope -->\n", _parse(_fact()), "fr", "page.md", first_line=3)


def test_replace_puts_each_fact_in_its_sentence() -> None:
    """Every marker is replaced in place; the text around it is untouched."""
    facts = _parse(_fact(), _fact("other", en="42%", fr="42 %", source="Other", url=None, year=2020))
    text = "**Bold** <!-- fact: linkedin-members --> and <!-- fact: other -->, [link](x.md).\n"
    result = replace_markers(text, facts, "en", "page.md")
    assert result == (
        '**Bold** <span class="mdx-fact" data-fact="linkedin-members">more than 1 billion members '
        '(<a href="https://news.linkedin.com/about-us">LinkedIn, 2023</a>)</span> and '
        '<span class="mdx-fact" data-fact="other">42% (Other, 2020)</span>, [link](x.md).\n'
    )


# --- Rendering ------------------------------------------------------------------------------


def test_a_fact_shows_its_source_and_year_in_the_page_language() -> None:
    """The words and the source follow the page's language."""
    fact = _parse(_fact(source={"fr": "Statistique Canada", "en": "Statistics Canada"}, url=None))[
        "linkedin-members"
    ]
    assert render_fact(fact, "fr") == (
        '<span class="mdx-fact" data-fact="linkedin-members">plus d’un milliard de membres (Statistique Canada, 2023)</span>'
    )
    assert "more than 1 billion members (Statistics Canada, 2023)" in render_fact(fact, "en")


def test_the_year_is_not_repeated_when_the_words_give_it() -> None:
    """ "since June 1, 2022 (LégisQuébec)", not "(LégisQuébec, 2022)"."""
    fact = _parse(_fact(en="on June 1, 2022", source="LégisQuébec", year=2022))["linkedin-members"]
    assert '>on June 1, 2022 (<a href="https://news.linkedin.com/about-us">LégisQuébec</a>)<' in render_fact(
        fact, "en"
    )


def test_rendering_escapes_the_data() -> None:
    """Text from the data cannot inject markup."""
    fact = _parse(_fact(source="AT&T", url="https://example.org/?a=1&b=2"))["linkedin-members"]
    html = render_fact(fact, "en")
    assert '<a href="https://example.org/?a=1&amp;b=2">AT&amp;T, 2023</a>' in html


def test_glossary_text_is_escaped_but_keeps_its_markers() -> None:
    """A glossary text keeps its fact markers for the page to replace, and nothing else raw."""
    assert escape_keeping_markers("<b> has <!-- fact: a-b --> & more") == (
        "&lt;b&gt; has <!-- fact: a-b --> &amp; more"
    )


# --- The hook in a real build -------------------------------------------------------------


def _docs_with_a_fact(tmp_path: Path) -> Path:
    """A copy of docs/ with one more fact, shown on the relevance page and in the glossary."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    data = docs / FACTS_FILE
    facts = yaml.safe_load(data.read_text(encoding="utf-8"))["facts"] or []
    facts.append(
        _fact(
            "test-fact",
            fr="douze pour cent",
            en="twelve percent",
            source={"fr": "Source FR", "en": "Source EN"},
        )
    )
    data.write_text(yaml.safe_dump({"facts": facts}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for lang in LANGUAGES:
        page = docs / f"pertinence.{lang}.md"
        page.write_text(
            page.read_text(encoding="utf-8") + "\nTest: <!-- fact: test-fact -->.\n", encoding="utf-8"
        )
    glossary = docs / "data" / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(
            "    purpose: >-\n", "    purpose: >-\n      Test <!-- fact: test-fact -->.\n", 2
        ),
        encoding="utf-8",
    )
    return docs


def test_build_shows_facts_in_pages_and_glossary_in_each_language(tmp_path: Path) -> None:
    """A marker in a page and in a glossary text both become the fact, in the page's language."""
    docs = _docs_with_a_fact(tmp_path)
    site = tmp_path / "site"
    build_site(site, docs_dir=str(docs))
    expected = {"fr": ("douze pour cent", "Source FR, 2023"), "en": ("twelve percent", "Source EN, 2023")}
    for lang, (words, cited) in expected.items():
        prefix = site if lang == "fr" else site / "en"
        for page in (
            "pertinence" if lang == "fr" else "relevance",
            "glossaire" if lang == "fr" else "glossary",
        ):
            soup = BeautifulSoup((prefix / page / "index.html").read_text(encoding="utf-8"), "html.parser")
            shown = [span.get_text() for span in soup.select('article span.mdx-fact[data-fact="test-fact"]')]
            assert f"{words} ({cited})" in shown, f"{lang} {page}: {shown}"
            assert "fact: test-fact" not in str(soup.select_one("article"))


def test_build_stops_on_an_unknown_fact_in_the_glossary(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A glossary text naming no fact stops the build at the glossary's line."""
    docs = _docs_with_a_fact(tmp_path)
    glossary = docs / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8").replace("fact: test-fact", "fact: test-fakt", 1)
    glossary.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "test-fakt" in row)
    message = failed_build(tmp_path, docs, caplog)
    assert f"docs/data/glossary.yml, line {line}: the fact 'test-fakt' is not in" in message, message


def test_build_stops_on_a_malformed_marker_in_a_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A mistyped marker stops the build at the page's line, front matter counted."""
    docs = _docs_with_a_fact(tmp_path)
    page = docs / "pertinence.en.md"
    text = page.read_text(encoding="utf-8").replace("<!-- fact: test-fact -->", "<!-- facts: test-fact -->")
    page.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "facts: test-fact" in row)
    message = failed_build(tmp_path, docs, caplog)
    assert f"docs/pertinence.en.md, line {line}: '<!-- facts: test-fact -->' is not a fact" in message, (
        message
    )


def test_build_stops_on_a_broken_facts_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A fact missing its English text stops the build, naming file, line and fact."""
    docs = _docs_with_a_fact(tmp_path)
    data = docs / FACTS_FILE
    text = re.sub(r"\n  en: twelve percent", "", data.read_text(encoding="utf-8"))
    data.write_text(text, encoding="utf-8")
    message = failed_build(tmp_path, docs, caplog)
    assert re.search(r"docs/data/facts\.yml, line \d+, entry 'test-fact': missing English text", message), (
        message
    )


def test_every_fact_is_shown_somewhere() -> None:
    """A fact that no page and no data file cites is dead weight that `make review-due`
    would still ask an editor to check: remove it, or show it where it belongs."""
    facts = load_facts(ROOT / "docs" / FACTS_FILE)
    sources = [*(ROOT / "docs").glob("*.md"), *(ROOT / "docs" / "data").rglob("*.yml")]
    cited = {
        marker.id
        for path in sources
        if path.name != FACTS_FILE.name
        for marker in find_markers(path.read_text(encoding="utf-8"), str(path))
    }
    assert sorted(set(facts) - cited) == []


# --- Each message whole, with the line of the key at fault (found by mutation testing) ---------

# A fact as `yaml.safe_dump` writes it: "- id:" on line 2, then one key a line in this order
# (fr 3, en 4, source 5, url 6, year 7, checked 8, review_by 9).
SMALL = {
    "id": "a",
    "fr": "un",
    "en": "one",
    "source": "S",
    "url": "https://example.org/a",
    "year": 2020,
    "checked": date(2026, 12, 5),
    "review_by": date(2027, 6, 5),
}


def _small(**changes: Any) -> dict[str, Any]:
    fact = {**SMALL, **changes}
    return {key: value for key, value in fact.items() if value is not None}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a\n", "line 1: the file must start with 'facts:', followed by the list of facts"),
        (
            "# Figures\nfacts: {a: 1}\n",
            "line 2: 'facts:' must be followed by a list of facts, each starting with '- id:'",
        ),
        (
            "facts:\n  - just text\n",
            "line 2: each fact must be a set of 'key: value' lines starting with '- id:'",
        ),
        (
            "facts:\n  - fr: un\n    id: LinkedIn\n",
            "line 3: the id 'LinkedIn' is not valid; use lowercase letters, digits and single hyphens "
            "(for example: linkedin-members)",
        ),
    ],
)
def test_a_file_of_the_wrong_shape_says_what_it_must_be(text: str, message: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_facts(parse_data(text, LABEL))
    assert str(caught.value) == f"{LABEL}, {message}"


@pytest.mark.parametrize(
    ("fact", "message"),
    [
        (
            _small(id=None),
            "line 2: missing 'id': start the fact with '- id:' and a short name such as 'linkedin-members'",
        ),
        (_small(fr="  "), "line 3, entry 'a': the text in fr must be some text, and it is empty or not text"),
        (
            _small(en="1 <b>x</b>"),
            "line 4, entry 'a': the text must not hold markup or markers ('<'); write the words only",
        ),
        (_small(source={"fr": "S"}), "line 5, entry 'a': missing English source: add a line 'en:' under it"),
        (
            _small(url={"fr": "http://x", "en": "https://example.org"}),
            "line 7, entry 'a': the url must be one address starting with https://; it is 'http://x'",
        ),
        (
            _small(year=1899),
            "line 7, entry 'a': the year must be the year the fact is about, written 2023, and not after "
            "the day it was checked (2026-12-05); it is 1899",
        ),
        (
            _small(review_by="soon"),
            "line 9, entry 'a': the 'review_by' date must be a real date written YYYY-MM-DD, such as "
            "2026-12-05; it is 'soon'",
        ),
    ],
)
def test_a_broken_fact_names_the_line_of_its_key(fact: dict[str, Any], message: str) -> None:
    assert _error(fact) == f"{LABEL}, {message}"


def test_the_earliest_year_is_1900() -> None:
    assert _parse(_small(year=1900))["a"].year == 1900


def test_a_fact_s_line_is_that_of_its_id_wherever_the_id_is() -> None:
    """Keys in any order: the fact's line, and the one a second use of its id names, is the id's."""
    one = "  - fr: un\n    id: a\n    en: one\n    source: S\n    year: 2020\n"
    one += "    checked: 2026-12-05\n    review_by: 2027-06-05\n"
    assert parse_facts(parse_data(f"facts:\n{one}", LABEL))["a"].line == 3
    with pytest.raises(DataFileError) as caught:
        parse_facts(parse_data(f"facts:\n{one}{one}", LABEL))
    assert str(caught.value) == (
        f"{LABEL}, line 10, entry 'a': the id 'a' is used twice (first at line 3); give each fact its own id"
    )


def test_a_marker_after_a_line_break_is_on_the_second_line() -> None:
    assert [(m.id, m.line) for m in find_markers("\n<!-- fact: a -->", "page.md")] == [("a", 2)]


def test_checking_markers_counts_from_line_one_and_names_the_page() -> None:
    with pytest.raises(DataFileError) as caught:
        check_markers("<!-- fact: a b -->\n", {}, "page.md")
    assert str(caught.value) == (
        "page.md, line 1: '<!-- fact: a b -->' is not a fact marker; write it like <!-- fact: linkedin-members -->"
    )
    with pytest.raises(DataFileError, match=r"^page\.md, line 2: the fact 'nope' is not in"):
        replace_markers("A\n<!-- fact: nope -->\n", {}, "fr", "page.md")


def test_glossary_text_keeps_the_words_before_each_marker() -> None:
    assert escape_keeping_markers("a < <!-- fact: x --> b & <!-- fact: y --> c") == (
        "a &lt; <!-- fact: x --> b &amp; <!-- fact: y --> c"
    )
