"""Every page's review dates (reviewed:, review_due: in its front matter): the pure module
(hooks/review_dates.py), the hook on a tiny site, the dates on the built pages in both
languages, and `make review-due` (tests/checks/review_due.py) on fixed days, never today."""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from playwright.sync_api import Page, expect

from checks import review_due
from conftest import LANGUAGES, ROOT, BuiltSite, Traffic, build_site, page_path, page_slugs
from data_files import DataFileError
from page_dates import describe
from review_dates import ReviewDates, check_twins, due_pages, load_review_dates, read_review_dates, shown

PAGE = "docs/plan.en.md"
LABELS = {
    "fr": ("Dernière révision\u00a0:", "Prochaine révision prévue\u00a0:"),
    "en": ("Last reviewed:", "Next review due:"),
}


def _page(reviewed: str = "2026-12-05", review_due: str = "2027-06-05", title: str = "Plan") -> str:
    return f"---\ntitle: {title}\nreviewed: {reviewed}\nreview_due: {review_due}\n---\n\n# {title}\n"


# --- Reading one page --------------------------------------------------------------------


def test_a_page_gives_its_dates_and_their_lines() -> None:
    """Both dates, read as dates, with the lines of the file that hold them."""
    assert read_review_dates(_page(), PAGE) == ReviewDates(PAGE, date(2026, 12, 5), date(2027, 6, 5), 3, 4)


def test_quoted_dates_are_dates_too() -> None:
    dates = read_review_dates(_page('"2026-12-05"', "'2027-06-05'"), PAGE)
    assert (dates.reviewed, dates.review_due) == (date(2026, 12, 5), date(2027, 6, 5))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "# Plan\n",
            r"^docs/plan\.en\.md, line 1: the page has no front matter; start it with '---', "
            r"then 'reviewed: YYYY-MM-DD'",
        ),
        (
            "---\ntitle: Plan\nreview_due: 2027-06-05\n---\n",
            r"^docs/plan\.en\.md, line 1: the front matter has no 'reviewed:' line; "
            r"add 'reviewed: YYYY-MM-DD', the day the page was last reviewed$",
        ),
        (
            "---\ntitle: Plan\nreviewed: 2026-12-05\n---\n",
            r"^docs/plan\.en\.md, line 1: the front matter has no 'review_due:' line; "
            r"add 'review_due: YYYY-MM-DD', the day it must be reviewed again$",
        ),
    ],
    ids=["no front matter", "no reviewed", "no review_due"],
)
def test_a_missing_date_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        read_review_dates(text, PAGE)


@pytest.mark.parametrize(
    ("reviewed", "review_due", "line", "problem"),
    [
        ("2026-12-05", "2027-6-5", 4, "the 'review_due' date must be a real date written YYYY-MM-DD, such as 2026-12-05; it is '2027-6-5'"),
        ("5 décembre 2026", "2027-06-05", 3, "the 'reviewed' date must be a real date written YYYY-MM-DD, such as 2026-12-05; it is '5 décembre 2026'"),
        ("2026-12-05", "20270605", 4, "the 'review_due' date must be a real date written YYYY-MM-DD, such as 2026-12-05; it is 20270605"),
        ("2026-12-05", "", 4, "the 'review_due' date must be a real date written YYYY-MM-DD, such as 2026-12-05; it is None"),
        ("2026-12-05", "2027-02-30", 4, "the 'review_due' date must be a real date written YYYY-MM-DD, such as 2026-12-05; it is '2027-02-30'"),
        ("2026-13-05", "2027-06-05", 3, "the 'reviewed' date must be a real date written YYYY-MM-DD, such as 2026-12-05; it is '2026-13-05'"),
    ],
    ids=["one-digit month", "words", "no hyphens", "empty", "30 February", "month 13"],
)  # fmt: skip
def test_a_date_not_written_yyyy_mm_dd_names_file_and_line(
    reviewed: str, review_due: str, line: int, problem: str
) -> None:
    with pytest.raises(DataFileError, match=f"^{re.escape(f'{PAGE}, line {line}: {problem}')}$"):
        read_review_dates(_page(reviewed, review_due), PAGE)


@pytest.mark.parametrize("review_due", ["2026-12-05", "2026-06-05"], ids=["same day", "before"])
def test_review_due_must_come_after_reviewed(review_due: str) -> None:
    expected = f"{PAGE}, line 4: 'review_due' ({review_due}) must come after 'reviewed' (2026-12-05)"
    with pytest.raises(DataFileError, match=f"^{re.escape(expected)}$"):
        read_review_dates(_page("2026-12-05", review_due), PAGE)


def test_bad_front_matter_yaml_names_the_file_line() -> None:
    """The YAML reader's line counts from the front matter; the message counts from the file."""
    with pytest.raises(DataFileError, match=r"^docs/plan\.en\.md, line 3: this is not valid YAML"):
        read_review_dates(_page(title="[Plan"), PAGE)


def test_a_date_given_twice_names_the_second_line() -> None:
    text = "---\ntitle: Plan\nreviewed: 2026-12-05\nreview_due: 2027-06-05\nreviewed: 2026-11-23\n---\n"
    with pytest.raises(
        DataFileError, match=r"^docs/plan\.en\.md, line 5: the key 'reviewed' is given twice here$"
    ):
        read_review_dates(text, PAGE)


# --- Twins, all pages, due pages, shown dates ------------------------------------------------


def test_twins_must_carry_the_same_dates() -> None:
    """The English twin's line and the French one's are both named."""
    french = read_review_dates(_page(), "docs/plan.fr.md")
    english = read_review_dates(_page(review_due="2027-12-05"), PAGE)
    expected = (
        f"{PAGE}, line 4: 'review_due' is 2027-12-05 here but 2027-06-05 in docs/plan.fr.md, line 4; "
        "give both languages the same dates"
    )
    with pytest.raises(DataFileError, match=f"^{re.escape(expected)}$"):
        check_twins([english, french])
    check_twins(
        [french, read_review_dates(_page(), PAGE), read_review_dates(_page("2026-01-01"), "docs/a.fr.md")]
    )


def test_a_blank_first_line_in_the_front_matter_keeps_the_lines_right() -> None:
    """A blank line after the opening '---' counts: a bad date is reported on its own line."""
    with pytest.raises(
        DataFileError, match=r"^docs/a\.fr\.md, line 3: the 'reviewed' date must be a real date"
    ):
        read_review_dates("---\n\nreviewed: 2026-13-01\nreview_due: 2027-01-01\n---\nText\n", "docs/a.fr.md")


def test_front_matter_that_is_a_list_has_no_dates() -> None:
    """Front matter that is not 'key: value' lines is read as having no dates, and says so."""
    with pytest.raises(
        DataFileError, match=r"^docs/a\.fr\.md, line 1: the front matter has no 'reviewed:' line"
    ):
        read_review_dates("---\n- a\n- b\n---\nText\n", "docs/a.fr.md")


def test_twins_differing_on_reviewed_name_the_first_twins_date_and_line() -> None:
    """The message gives the other language's reviewed date and the line that holds it."""
    french = read_review_dates("---\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n", "docs/a.fr.md")
    english = read_review_dates(
        "---\ntitle: A\nreviewed: 2026-02-01\nreview_due: 2027-01-01\n---\n", "docs/a.en.md"
    )
    with pytest.raises(
        DataFileError,
        match=r"^docs/a\.en\.md, line 3: 'reviewed' is 2026-02-01 here but 2026-01-01 in docs/a\.fr\.md, line 2;",
    ):
        check_twins([french, english])


def test_load_review_dates_reads_every_page_but_the_data_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "data").mkdir(parents=True)
    (docs / "data" / "notes.md").write_text("# Not a page\n", encoding="utf-8")
    for language in LANGUAGES:
        (docs / f"plan.{language}.md").write_text(_page(), encoding="utf-8")
    assert sorted(load_review_dates(docs)) == ["plan.en.md", "plan.fr.md"]
    (docs / "plan.en.md").write_text(_page(reviewed="2026-11-23"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"^docs/plan\.en\.md, line 3: 'reviewed' is 2026-11-23 here"):
        load_review_dates(docs)


def test_due_pages_counts_from_the_due_day_on() -> None:
    """A page is due on its review_due day and after it, not the day before."""
    early = read_review_dates(_page(review_due="2027-03-01"), "docs/a.fr.md")
    late = read_review_dates(_page(review_due="2027-06-05"), PAGE)
    pages = {"a.fr.md": early, "plan.en.md": late}
    assert due_pages(pages, date(2027, 2, 28)) == []
    assert due_pages(pages, date(2027, 3, 1)) == [early]
    assert due_pages(pages, date(2027, 6, 5)) == [early, late]


@pytest.mark.parametrize(
    ("language", "reviewed", "review_due"),
    [("fr", "5 décembre 2026", "1er juin 2027"), ("en", "December 5, 2026", "June 1, 2027")],
)
def test_dates_are_shown_as_readers_write_them(language: str, reviewed: str, review_due: str) -> None:
    dates = shown(read_review_dates(_page(review_due="2027-06-01"), PAGE), language)
    assert (dates.reviewed.iso, dates.reviewed.text) == ("2026-12-05", reviewed)
    assert (dates.review_due.iso, dates.review_due.text) == ("2027-06-01", review_due)


# --- The guide's own pages -------------------------------------------------------------------


def test_every_page_of_the_guide_has_review_dates() -> None:
    """Both languages of every page, same dates (the loader raises on any problem)."""
    pages = load_review_dates(ROOT / "docs")
    assert sorted(pages) == sorted(f"{slug}.{lang}.md" for slug in page_slugs() for lang in LANGUAGES)


# --- The hook, on a tiny site ----------------------------------------------------------------

TINY_CONFIG = f"""
site_name: Tiny
theme:
  name: mkdocs
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - locale: fr
          default: true
          name: Français
          build: true
        - locale: en
          name: English
          build: true
hooks:
  - {ROOT / "hooks" / "review_dates_hook.py"}
"""


def _tiny_site(tmp_path: Path, english_page: str) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.fr.md").write_text(_page(title="Accueil"), encoding="utf-8")
    (tmp_path / "docs" / "index.en.md").write_text(english_page, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(TINY_CONFIG, encoding="utf-8")
    return config


def test_the_hook_builds_a_site_whose_pages_have_their_dates(tmp_path: Path) -> None:
    config = _tiny_site(tmp_path, _page(title="Home"))
    assert build_site(tmp_path / "site", config_file=config) == []
    assert (tmp_path / "site" / "en" / "index.html").is_file()


def test_the_hook_stops_the_build_naming_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A bad date: one clean error line (MkDocs' PluginError), no traceback."""
    config = _tiny_site(tmp_path, _page(title="Home", review_due="soon"))
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build_site(tmp_path / "site", config_file=config)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == [
        "docs/index.en.md, line 4: the 'review_due' date must be a real date written YYYY-MM-DD, "
        "such as 2026-12-05; it is 'soon'"
    ]


# --- The built guide: both dates after the text, in both languages ---------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_built_page_shows_both_review_dates(built_site: BuiltSite, lang: str) -> None:
    """ "Last reviewed" and "Next review due", each in a <time datetime>, in the page's language."""
    pages = load_review_dates(ROOT / "docs")
    for slug in page_slugs():
        dates = pages[f"{slug}.{lang}.md"]
        soup = BeautifulSoup(built_site.page(lang, slug).read_text(encoding="utf-8"), "html.parser")
        lines = soup.select(".mdx-page-dates .mdx-page-review")
        assert len(lines) == 2, f"docs/{slug}.{lang}.md: no review dates after the text"
        for line, label, when in zip(lines, LABELS[lang], (dates.reviewed, dates.review_due), strict=True):
            # Spaces and line breaks collapse; the no-break space before the French colon stays.
            assert re.sub(r"[ \n]+", " ", line.get_text()).strip() == f"{label} {describe(when, lang).text}"
            time = line.select_one("time")
            assert time is not None and time["datetime"] == when.isoformat()


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_review_dates_show_on_screen_and_on_paper(
    page_and_traffic: tuple[Page, Traffic], site_url: str, lang: str, media: str
) -> None:
    """In a browser, both dates are visible after the text, on screen and in print."""
    page, _ = page_and_traffic
    page.emulate_media(media=media)
    page.goto(f"{site_url}{'' if lang == 'fr' else lang + '/'}{page_path('plan', lang)}")
    dates = load_review_dates(ROOT / "docs")[f"plan.{lang}.md"]
    shown_times = page.locator(".mdx-page-dates .mdx-page-review time")
    expect(shown_times).to_have_count(2)
    for index, when in enumerate((dates.reviewed, dates.review_due)):
        expect(shown_times.nth(index)).to_be_visible()
        expect(shown_times.nth(index)).to_have_text(describe(when, lang).text)


# --- make review-due, on fixed days ----------------------------------------------------------

FACTS = """\
facts:
  - id: linkedin-members
    fr: plus d’un milliard de membres
    en: more than 1 billion members
    source: LinkedIn
    url: https://news.linkedin.com/about-us
    year: 2023
    checked: 2026-12-05
    review_by: 2027-03-01
  - id: casl-in-force
    fr: depuis le 1er juillet 2014
    en: since July 1, 2014
    source:
      fr: Gouvernement du Canada
      en: Government of Canada
    url:
      fr: https://fightspam.gc.ca/fr
      en: https://fightspam.gc.ca/en
    year: 2014
    checked: 2026-12-05
    review_by: 2027-12-05
  - id: seed-blog-readers
    fr: un lecteur sur dix
    en: one reader in ten
    source: Source article
    year: 2011
    checked: 2026-12-05
    review_by: 2027-12-05
"""


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """Two pages in both languages and two facts, due on different days."""
    docs = tmp_path / "docs"
    (docs / "data").mkdir(parents=True)
    for language in LANGUAGES:
        (docs / f"plan.{language}.md").write_text(_page(review_due="2027-06-05"), encoding="utf-8")
        (docs / f"index.{language}.md").write_text(_page(review_due="2027-12-05"), encoding="utf-8")
    (docs / "data" / "facts.yml").write_text(FACTS, encoding="utf-8")
    return docs


def _run(docs: Path, today: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = review_due.main(["--docs", str(docs), "--today", today])
    return status, capsys.readouterr().out.splitlines()


def test_nothing_due_says_so_in_one_line(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(docs, "2027-02-28", capsys) == (0, ["Nothing is due for review on 2027-02-28."])


def test_a_fact_due_alone(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its line in the facts file, its id, its source to read again; exit status 1."""
    status, output = _run(docs, "2027-03-01", capsys)
    assert status == 1
    assert output == [
        f"{docs.as_posix()}/data/facts.yml, line 2, fact 'linkedin-members': due for review on 2027-03-01 "
        "(source last read 2026-12-05). Read https://news.linkedin.com/about-us again, then update the "
        "fact, 'checked:' and 'review_by:'.",
        "1 fact is due for review on 2027-03-01.",
    ]


def test_pages_and_facts_due(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Pages first (file and review_due line), then facts; a fact with a page per language
    names both; one without a url names its source."""
    status, output = _run(docs, "2027-12-05", capsys)
    shown_docs = docs.as_posix()
    assert status == 1
    assert [line.split(":", 1)[0] for line in output[:-1]] == [
        f"{shown_docs}/plan.en.md, line 4",
        f"{shown_docs}/plan.fr.md, line 4",
        f"{shown_docs}/index.en.md, line 4",
        f"{shown_docs}/index.fr.md, line 4",
        f"{shown_docs}/data/facts.yml, line 2, fact 'linkedin-members'",
        f"{shown_docs}/data/facts.yml, line 10, fact 'casl-in-force'",
        f"{shown_docs}/data/facts.yml, line 22, fact 'seed-blog-readers'",
    ]
    assert output[0].endswith(
        "page due for review on 2027-06-05 (last reviewed 2026-12-05). Read it again against its "
        "sources, then update 'reviewed:' and 'review_due:' here and in the other language."
    )
    assert "Read https://fightspam.gc.ca/fr and https://fightspam.gc.ca/en again" in output[-3]
    assert "Read Source article again" in output[-2]
    assert output[-1] == "4 pages and 3 facts are due for review on 2027-12-05."


def test_bad_data_stops_with_its_place(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page without dates: exit status 2, the file and line on standard error."""
    (docs / "plan.fr.md").write_text("---\ntitle: Plan\n---\n", encoding="utf-8")
    assert review_due.main(["--docs", str(docs), "--today", "2027-01-01"]) == 2
    assert capsys.readouterr().err.startswith(
        f"{docs.as_posix()}/plan.fr.md, line 1: the front matter has no"
    )


def test_a_day_not_written_yyyy_mm_dd_is_refused(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        review_due.main(["--docs", str(docs), "--today", "2027-6-5"])
    assert stop.value.code == 2
    assert "write the date as YYYY-MM-DD" in capsys.readouterr().err


def test_the_guide_itself_on_a_far_day_lists_every_page(capsys: pytest.CaptureFixture[str]) -> None:
    """The real pages and facts load; on 1 January 2100 every page is due."""
    status = review_due.main(["--docs", str(ROOT / "docs"), "--today", "2100-01-01"])
    output = capsys.readouterr().out.splitlines()
    assert status == 1
    pages = [line for line in output if ".md, line " in line]
    assert len(pages) == len(page_slugs()) * len(LANGUAGES)


def test_front_matter_yaml_broken_with_no_line_still_names_the_file() -> None:
    """A control character (YAML gives no line for it) is named with the file, not a crash."""
    with pytest.raises(
        DataFileError, match=r"^docs/a\.fr\.md: this is not valid YAML \(unacceptable character"
    ):
        read_review_dates(
            "---\nreviewed: 2026-12-05\x01\nreview_due: 2027-01-01\n---\nText\n", "docs/a.fr.md"
        )


@pytest.mark.parametrize(
    "front_matter", ["# nothing yet\n", "reviewed and review_due\n"], ids=["empty", "text"]
)
def test_front_matter_that_is_empty_or_one_text_has_no_dates(front_matter: str) -> None:
    """Front matter that is no 'key: value' lines, even text that holds the words, has no dates."""
    with pytest.raises(
        DataFileError, match=r"^docs/a\.fr\.md, line 1: the front matter has no 'reviewed:' line"
    ):
        read_review_dates(f"---\n{front_matter}---\nText\n", "docs/a.fr.md")
