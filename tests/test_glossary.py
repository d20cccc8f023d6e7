"""The tool glossary: the pure module (loading, checking, rendering, the page marker),
golden HTML in both languages, the hook inside a real build, and the data itself.

Golden files: tests/golden/glossary/glossary.yml is rendered to fr.html and en.html
beside it. After an intended change to the markup, regenerate them with `make goldens`
and review the diff.

Build tests: the hook reads <docs_dir>/data/glossary.yml, so a test copies docs/ to a
temporary folder, breaks the copy, and builds the real mkdocs.yml with `docs_dir`
pointing at it (no environment variable or extra config key needed).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    MAX_WORDS_PER_SENTENCE,
    MIN_READING_EASE,
    ROOT,
    BuiltSite,
    Golden,
    Traffic,
    copied_from_sources,
    docs_copy,
    failed_build,
    french_typography_problems,
    page_path,
    readability,
    site_strings,
    us_spellings,
    with_fact_words,
)
from data_files import DataFileError
from glossary import (
    LABEL_KEYS,
    MARKER,
    Glossary,
    insert_glossary,
    load_glossary,
    parse_glossary,
    render_glossary,
    section_titles,
)
from glossary_hook import load_cached

DATA_FILE = ROOT / "docs" / "data" / "glossary.yml"
GOLDEN_DIR = Path(__file__).parent / "golden" / "glossary"
# The tools the guide promises (issue 4, item 7; the 2026 platforms of issue 17, item 4),
# in the order the page shows them: SlideShare and Scribd, kept for the pages that link
# to them but not a place to start, come after the platforms worth a look.
PROMISED_IDS = [
    "wordpress",
    "x",
    "facebook",
    "linkedin",
    "youtube",
    "instagram",
    "threads",
    "tiktok",
    "whatsapp-channels",
    "google-business-profile",
    "mastodon",
    "bluesky",
    "slideshare",
    "scribd",
    "alerts",
    "platform-search",
    "listening-suites",
]
# Ids of the glossary page's own headings, which links may also target.
PAGE_IDS = {"how-to-use", "platforms", "listening"}
GLOSSARY_LINK = re.compile(r"\]\(glossaire\.md#([^)\s]+)\)")


def _entry(entry_id: str = "facebook", **changes: Any) -> dict[str, Any]:
    """A valid entry; `changes` replace or (with None) remove its keys."""
    entry: dict[str, Any] = {
        "id": entry_id,
        "category": "platform",
        "name": "Facebook",
        "fr": {"purpose": "Garder le contact.", "audience": "Un public large.", "effort": "Moyen."},
        "en": {"purpose": "Stay in touch.", "audience": "A broad audience.", "effort": "Medium."},
    }
    for key, value in changes.items():
        if value is None:
            del entry[key]
        else:
            entry[key] = value
    return entry


def _parse(*entries: dict[str, Any]) -> Glossary:
    text = yaml.safe_dump(list(entries), allow_unicode=True, sort_keys=False)
    return parse_glossary(text, "glossary.yml")


# --- Loading: valid input ------------------------------------------------------------


def test_real_glossary_lists_the_promised_tools_in_order() -> None:
    """docs/data/glossary.yml loads, and holds every tool the guide promises, in order."""
    glossary = load_glossary(DATA_FILE)
    ids = list(glossary.ids)
    assert [i for i in ids if i in PROMISED_IDS] == PROMISED_IDS


def test_shared_name_is_used_in_both_languages() -> None:
    """A top-level name serves both languages when neither gives its own."""
    entry = _parse(_entry()).entries[0]
    assert (entry.fr.name, entry.en.name) == ("Facebook", "Facebook")


def test_language_name_overrides_the_shared_name() -> None:
    """A name under fr or en wins over the shared one, for that language only."""
    fr = {"name": "Blogue", "purpose": "Publier.", "audience": "Des lecteurs.", "effort": "Élevé."}
    entry = _parse(_entry("blog", name="Blog", fr=fr)).entries[0]
    assert (entry.fr.name, entry.en.name) == ("Blogue", "Blog")


def test_text_is_folded_to_single_spaces() -> None:
    """Line breaks and runs of spaces in the YAML become single spaces."""
    fr = {"purpose": "Garder\n  le   contact.", "audience": "Tous.", "effort": "Moyen."}
    assert _parse(_entry(fr=fr)).entries[0].fr.purpose == "Garder le contact."


# --- Loading: one test per bad input ----------------------------------------------------


def test_missing_file_is_named() -> None:
    """A glossary file that does not exist is reported by its name."""
    with pytest.raises(DataFileError, match=r"^nowhere/glossary\.yml: cannot read the file"):
        load_glossary(Path("/nonexistent/glossary.yml"), label="nowhere/glossary.yml")


def test_invalid_yaml_gives_the_line() -> None:
    """Broken YAML (here a colon inside a plain value) is reported with its line."""
    text = "- id: x\n  category: platform\n  name: X\n  fr:\n    purpose: Un fil : vite\n"
    with pytest.raises(DataFileError, match=r"^glossary\.yml, line 5: this is not valid YAML"):
        parse_glossary(text, "glossary.yml")


def test_file_must_be_a_list() -> None:
    """A file that is not a list of entries is refused, saying how entries start."""
    with pytest.raises(DataFileError, match=r"must be a list of entries, each starting with '- id:'"):
        parse_glossary("id: x\n", "glossary.yml")


def test_empty_file_is_refused() -> None:
    """An empty file is refused rather than showing an empty glossary."""
    with pytest.raises(DataFileError, match=r"must be a list of entries"):
        parse_glossary("# nothing yet\n", "glossary.yml")


def test_entry_must_be_a_mapping() -> None:
    """A list item that is a bare word instead of key: value lines is refused."""
    with pytest.raises(DataFileError, match=r"line 1: each entry must be a set of 'key: value' lines"):
        parse_glossary("- facebook\n", "glossary.yml")


def test_missing_id() -> None:
    """An entry without an id is refused, with its line."""
    with pytest.raises(DataFileError, match=r"^glossary\.yml, line 1: missing 'id'"):
        _parse(_entry(id=None))


@pytest.mark.parametrize("bad_id", ["Facebook", "face book", "face_book", "-x", "x-", 42])
def test_bad_id_format(bad_id: object) -> None:
    """Ids are lowercase letters, digits and single hyphens: they become URL anchors."""
    with pytest.raises(
        DataFileError, match=r"is not valid; use lowercase letters, digits and single hyphens"
    ):
        _parse(_entry(id=bad_id))


def test_id_may_not_take_a_section_id() -> None:
    """An entry id equal to a section id would give the page two identical anchors."""
    with pytest.raises(DataFileError, match=r"the id 'platforms' is taken by a section of the page"):
        _parse(_entry("platforms"))


def test_duplicate_ids() -> None:
    """Two entries with one id are refused, naming both lines."""
    text = yaml.safe_dump([_entry("facebook"), _entry("facebook")], allow_unicode=True, sort_keys=False)
    second = text.splitlines().index("- id: facebook", 1) + 1
    with pytest.raises(
        DataFileError,
        match=rf"^glossary\.yml, line {second}, entry 'facebook': the id 'facebook' is used twice \(first at line 1\)",
    ):
        parse_glossary(text, "glossary.yml")


def test_unknown_entry_key() -> None:
    """A misspelled or unknown key in an entry is refused, listing the allowed keys."""
    with pytest.raises(
        DataFileError,
        match=r"entry 'facebook': unknown key 'categroy'; allowed keys: category, en, fr, id, name",
    ):
        _parse({**_entry(category=None), "categroy": "platform"})


def test_unknown_language_key() -> None:
    """An unknown key inside a language block is refused (here a third language)."""
    with pytest.raises(DataFileError, match=r"entry 'facebook': unknown key 'de'"):
        _parse({**_entry(), "de": {"purpose": "Kontakt."}})


def test_unknown_text_key() -> None:
    """A misspelled field under fr or en is refused."""
    fr = {"purpose": "Garder le contact.", "audiance": "Tous.", "effort": "Moyen."}
    with pytest.raises(DataFileError, match=r"entry 'facebook': unknown key 'audiance'"):
        _parse(_entry(fr=fr))


def test_missing_category() -> None:
    """An entry must say whether it is a platform or a listening tool."""
    with pytest.raises(DataFileError, match=r"entry 'facebook': missing 'category'"):
        _parse(_entry(category=None))


def test_unknown_category() -> None:
    """Only the page's two groups are accepted as categories."""
    with pytest.raises(
        DataFileError, match=r"the category 'network' is not known; use one of: platform, listening"
    ):
        _parse(_entry(category="network"))


def test_missing_french_translation() -> None:
    """An entry without French text fails: never a silent fallback to English."""
    with pytest.raises(DataFileError, match=r"entry 'facebook': missing French text: add an 'fr:' block"):
        _parse(_entry(fr=None))


def test_missing_english_translation() -> None:
    """An entry without English text fails: never a silent fallback to French."""
    with pytest.raises(DataFileError, match=r"entry 'facebook': missing English text: add an 'en:' block"):
        _parse(_entry(en=None))


def test_missing_field_in_one_language() -> None:
    """A field present in French but missing in English is named with its language."""
    with pytest.raises(DataFileError, match=r"entry 'facebook': missing English 'effort'"):
        _parse(_entry(en={"purpose": "Stay in touch.", "audience": "Everyone."}))


def test_missing_name() -> None:
    """Without a shared name, each language must give its own."""
    with pytest.raises(DataFileError, match=r"entry 'facebook': missing French name"):
        _parse(_entry(name=None))


def test_empty_text() -> None:
    """A field left empty is refused, naming the language and the field."""
    fr = {"purpose": "  ", "audience": "Tous.", "effort": "Moyen."}
    with pytest.raises(DataFileError, match=r"entry 'facebook': the French purpose must be some text"):
        _parse(_entry(fr=fr))


def test_language_block_must_be_a_mapping() -> None:
    """fr: followed by a sentence instead of its fields is refused."""
    with pytest.raises(DataFileError, match=r"entry 'facebook': 'en' must hold the English text"):
        _parse(_entry(en="Stay in touch."))


def test_key_given_twice() -> None:
    """A key repeated in one block is refused instead of the last one silently winning."""
    text = "- id: x\n  category: platform\n  category: listening\n"
    with pytest.raises(DataFileError, match=r"^glossary\.yml, line 3: the key 'category' is given twice"):
        parse_glossary(text, "glossary.yml")


def test_error_points_at_the_line_of_the_bad_field() -> None:
    """The message gives the line of the faulty field, not just of its entry."""
    text = yaml.safe_dump([_entry(), _entry("linkedin", fr={"purpose": "", "audience": "a", "effort": "b"})])
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip() == "purpose: ''")
    with pytest.raises(
        DataFileError, match=rf"^glossary\.yml, line {line}, entry 'linkedin': the French purpose"
    ):
        parse_glossary(text, "glossary.yml")


# --- Rendering ------------------------------------------------------------------------


def _labels(lang: str) -> Mapping[str, str]:
    """The site's glossary strings in `lang` (docs/data/strings.yml)."""
    return site_strings().component("glossary", LABEL_KEYS)[lang]


def test_labels_have_the_same_keys_in_both_languages() -> None:
    """Every glossary string exists in French and in English, and no other."""
    for lang in LANGUAGES:
        assert set(_labels(lang)) == set(LABEL_KEYS)


def test_render_escapes_the_data() -> None:
    """Names and text from the data are escaped: no markup gets through."""
    en = {"name": "<b>Q&A</b>", "purpose": "<script>alert(1)</script>", "audience": "a", "effort": "b"}
    html = render_glossary(_parse(_entry("qa", en=en)), "en", _labels("en"))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;Q&amp;A&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_render_keeps_each_term_list_one_html_block() -> None:
    """Inside each <dl>, every line starts at column 0 and none is blank, so Markdown keeps one HTML block."""
    html = render_glossary(load_glossary(DATA_FILE), "fr", _labels("fr"))
    lists = re.findall(r"<dl [^>]*>.*?</dl>", html, flags=re.DOTALL)
    assert len(lists) == len(section_titles(_labels("fr")))
    for block in lists:
        assert all(line and not line[0].isspace() for line in block.splitlines())


def test_render_gives_each_section_a_markdown_heading() -> None:
    """Each section's title is a Markdown heading with its id, in a `markdown` section, so
    the table of contents lists it like any heading of the page."""
    for lang in LANGUAGES:
        html = render_glossary(load_glossary(DATA_FILE), lang, _labels(lang))
        headings = re.findall(r'<section class="mdx-glossary" markdown>\n\n## (.+) \{#([a-z-]+)\}\n\n', html)
        assert [(section, title) for title, section in headings] == section_titles(_labels(lang))


def test_render_escapes_a_section_title_for_markdown_and_html() -> None:
    """A title is shown as written: no emphasis, no tag, no second attribute list."""
    labels = {**_labels("en"), "platforms": "Q&A *sites* <b>{#x}"}
    html = render_glossary(load_glossary(DATA_FILE), "en", labels)
    assert "## Q&amp;A \\*sites\\* &lt;b&gt;\\{\\#x\\} {#platforms}" in html


def test_every_entry_renders_as_a_term_with_its_id() -> None:
    """Each entry is one <dt id="<id>"> in its category's <dl>, in file order."""
    glossary = load_glossary(DATA_FILE)
    soup = BeautifulSoup(render_glossary(glossary, "en", _labels("en")), "html.parser")
    assert [dt["id"] for dt in soup.select("section dl > dt")] == [
        *(e.id for e in glossary.in_category("platform")),
        *(e.id for e in glossary.in_category("listening")),
    ]
    assert all(len(dt.find_next_sibling("dd").find_all("p")) == 3 for dt in soup.find_all("dt"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "golden_lang" in metafunc.fixturenames:
        metafunc.parametrize("golden_lang", LANGUAGES)


def test_golden_html(golden_lang: str, golden: Golden) -> None:
    """render_glossary's output for the golden input matches tests/golden/glossary/<lang>.html."""
    actual = (
        render_glossary(load_glossary(GOLDEN_DIR / "glossary.yml"), golden_lang, _labels(golden_lang)) + "\n"
    )
    golden.check(actual, GOLDEN_DIR / f"{golden_lang}.html")


# --- The page marker -----------------------------------------------------------------


def test_marker_is_replaced_at_column_zero_between_blank_lines() -> None:
    """The marker line becomes the HTML, unindented, with blank lines around it."""
    markdown = f"# Title\n\nIntro.\n{MARKER}\nAfter.\n"
    result = insert_glossary(markdown, "<section>\n<h2>X</h2>\n</section>", "page.md")
    assert "\n\n<section>\n<h2>X</h2>\n</section>\n\n" in result
    assert MARKER not in result and result.endswith("After.\n")


def test_page_without_marker_is_unchanged() -> None:
    """Pages that do not show the glossary pass through untouched."""
    markdown = "# Title\n\n<!-- checklist: readiness -->\n"
    assert insert_glossary(markdown, "<p>glossary</p>", "page.md") == markdown


def test_unknown_marker_fails_with_page_and_line() -> None:
    """A marker with something extra is a mistake, reported with the file's line number."""
    markdown = "Intro.\n\n<!-- glossary: platforms -->\n"
    with pytest.raises(
        DataFileError, match=r"^docs/glossaire\.fr\.md, line 8: unknown marker '<!-- glossary: platforms -->'"
    ):
        insert_glossary(markdown, "<p></p>", "docs/glossaire.fr.md", first_line=6)


def test_marker_must_be_alone_on_its_line() -> None:
    """A marker inside a paragraph would end up in a code block or vanish: refused."""
    with pytest.raises(DataFileError, match=r"line 1: put <!-- glossary --> alone on its own line"):
        insert_glossary(f"See below {MARKER}\n", "<p></p>", "page.md")


def test_marker_only_once() -> None:
    """Two markers would repeat every id on the page: refused."""
    with pytest.raises(DataFileError, match=r"line 3: <!-- glossary --> appears more than once"):
        insert_glossary(f"{MARKER}\n\n{MARKER}\n", "<p></p>", "page.md")


# --- The hook ---------------------------------------------------------------------------


def test_hook_rereads_the_file_after_an_edit(tmp_path: Path) -> None:
    """`mkdocs serve` shows an edit: the cached glossary is replaced when the file changes."""
    path = tmp_path / "glossary.yml"
    path.write_text(yaml.safe_dump([_entry("facebook")]), encoding="utf-8")
    first = load_cached(path, "glossary.yml")
    assert load_cached(path, "glossary.yml") is first
    path.write_text(yaml.safe_dump([_entry("facebook"), _entry("linkedin")]), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_cached(path, "glossary.yml").ids == ("facebook", "linkedin")


def test_hook_turns_errors_into_plugin_errors(tmp_path: Path) -> None:
    """The hook re-raises a data problem as MkDocs' PluginError, message unchanged."""
    path = tmp_path / "glossary.yml"
    path.write_text(yaml.safe_dump([_entry(en=None)]), encoding="utf-8")
    with pytest.raises(
        PluginError, match=r"^docs/data/glossary\.yml, line 1, entry 'facebook': missing English"
    ):
        load_cached(path, "docs/data/glossary.yml")


def test_build_stops_on_a_malformed_glossary(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A glossary entry missing its English text aborts the real build, naming file, line and entry."""
    docs = docs_copy(tmp_path)
    data = docs / "data" / "glossary.yml"
    text = data.read_text(encoding="utf-8")
    broken = re.sub(r"(- id: linkedin\n(?:.*\n)*?)  en:\n", r"\1  english:\n", text, count=1)
    assert broken != text
    data.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("  english:", broken.splitlines().index("- id: linkedin")) + 1
    message = failed_build(tmp_path, docs, caplog)
    assert f"glossary.yml, line {line}, entry 'linkedin': unknown key 'english'" in message
    assert "Traceback" not in message


def test_build_stops_on_an_unknown_marker(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A mistyped glossary marker in a page aborts the build, naming the page and its line."""
    docs = docs_copy(tmp_path)
    page = docs / "glossaire.fr.md"
    text = page.read_text(encoding="utf-8").replace(MARKER, "<!-- glossary: tools -->")
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("<!-- glossary: tools -->") + 1
    message = failed_build(tmp_path, docs, caplog)
    assert f"glossaire.fr.md, line {line}: unknown marker '<!-- glossary: tools -->'" in message


# --- The built site and the links to it ------------------------------------------------


def _built_ids(built_site: BuiltSite, lang: str) -> list[str]:
    soup = BeautifulSoup(built_site.page(lang, "glossaire").read_text(encoding="utf-8"), "html.parser")
    return [dt["id"] for dt in soup.select("article dl.mdx-glossary__list > dt")]


def test_both_languages_list_the_same_entries(built_site: BuiltSite) -> None:
    """The French and English glossary pages define the same terms, in the same order, as the data."""
    french, english = _built_ids(built_site, "fr"), _built_ids(built_site, "en")
    assert french == english == list(load_glossary(DATA_FILE).ids)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_of_contents_lists_the_glossary_sections(built_site: BuiltSite, lang: str) -> None:
    """The page's table of contents links to the two groups the glossary adds."""
    soup = BeautifulSoup(built_site.page(lang, "glossaire").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert {"#platforms", "#listening"} <= set(links)


def test_glossary_links_point_at_existing_entries() -> None:
    """Every glossaire.md#<id> link in docs/*.md lands on an entry (or a heading) of the glossary."""
    known = set(load_glossary(DATA_FILE).ids) | PAGE_IDS
    broken = [
        f"{page.name}: #{anchor}"
        for page in sorted((ROOT / "docs").glob("*.md"))
        for anchor in GLOSSARY_LINK.findall(page.read_text(encoding="utf-8"))
        if anchor not in known
    ]
    assert broken == [], f"links to glossary entries that do not exist: {broken}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_link_from_another_page_lands_on_its_entry(
    page_and_traffic: tuple[Page, Traffic], site_url: str, lang: str
) -> None:
    """Following a tool link from the listening step shows that entry, below the header, marked."""
    page, traffic = page_and_traffic
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    page.goto(f"{site_url}{prefix}{page_path('ecoute', lang)}")
    glossary = page_path("glossaire", lang)
    link = page.locator(f"article a[href*='{glossary}#']").first
    target = (link.get_attribute("href") or "").rsplit("#", 1)[1]
    link.click()
    page.wait_for_url(f"**/{glossary}#{target}")
    term = page.locator(f"dt#{target}")
    expect(page.locator(":target")).to_have_id(target)
    # Both boxes read in one script, at one moment; waited for, as the page may still be scrolling.
    boxes = """el => [document.querySelector("header.md-header").getBoundingClientRect().bottom,
                      el.getBoundingClientRect().top, innerHeight]"""
    with contextlib.suppress(PlaywrightTimeoutError):  # the assertion below says where it stopped
        page.wait_for_function(
            f"() => {{ const [header, top, viewport] = ({boxes})(document.querySelector('dt:target'));"
            " return header <= top && top < viewport; }"
        )
    header_bottom, term_top, viewport = term.evaluate(boxes)
    assert header_bottom <= term_top < viewport
    expect(term).not_to_have_css("background-color", "rgba(0, 0, 0, 0)")
    traffic.assert_clean()


# --- The data's own writing -------------------------------------------------------------


def _texts(lang: str) -> list[tuple[str, str]]:
    """(entry id, sentence-bearing text) of every field in one language, each fact
    marker read as the fact's words with their source and year."""
    return [
        (entry.id, with_fact_words(value, lang))
        for entry in load_glossary(DATA_FILE).entries
        for value in (
            entry.text(lang).name,
            entry.text(lang).purpose,
            entry.text(lang).audience,
            entry.text(lang).effort,
        )
    ]


def test_french_text_follows_canadian_typography() -> None:
    """A no-break space before the colon and inside « », none before ? ! ;"""
    problems = [
        f"{entry_id}: {problem}"
        for entry_id, text in _texts("fr")
        for problem in french_typography_problems(text)
    ]
    assert problems == [], f"docs/data/glossary.yml: {problems}"


def test_english_text_uses_canadian_spelling() -> None:
    """colour, centre, behaviour…: no US spellings in the English text."""
    found = [f"{entry_id}: {word}" for entry_id, text in _texts("en") for word in us_spellings(text)]
    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_text_is_plain_language(lang: str) -> None:
    """The glossary reads as easily as the pages: same reading-ease and sentence-length bars."""
    text = " ".join(f"{value.rstrip('.')}." for _, value in _texts(lang))
    ease, words_per_sentence = readability(text, lang)
    assert ease >= MIN_READING_EASE, f"reading ease {ease:.0f}: use shorter sentences and words"
    assert words_per_sentence <= MAX_WORDS_PER_SENTENCE


def test_no_sentence_is_copied_from_the_sources() -> None:
    """No run of eight words is shared with a source article, in either language."""
    copied = {
        entry_id: runs
        for lang in LANGUAGES
        for entry_id, text in _texts(lang)
        if (runs := copied_from_sources(text))
    }
    assert copied == {}, f"rewrite these passages from the sources: {copied}"


# --- Each error names the line of the key at fault (found by mutation testing) --------

_TEXT = "    purpose: P.\n    audience: A.\n    effort: E.\n"


def _entry_text(head: str, fr_extra: str = "") -> str:
    """One entry as YAML, its keys in the order given, so that each key has its own line."""
    return head + "  fr:\n" + fr_extra + _TEXT + "  en:\n" + _TEXT


def test_bad_id_names_the_line_of_the_id_and_an_example() -> None:
    """An id written after other keys is reported on its own line, with a valid example."""
    with pytest.raises(
        DataFileError,
        match=r"^glossary\.yml, line 2: the id 'Bad' is not valid; .* \(for example: platform-search\)$",
    ):
        parse_glossary(_entry_text("- category: platform\n  id: Bad\n"), "glossary.yml")


def test_section_id_names_the_line_of_the_id() -> None:
    """An id taken by a section is reported on the id's line, not the entry's."""
    with pytest.raises(DataFileError, match=r"^glossary\.yml, line 2: the id 'platforms' is taken"):
        parse_glossary(_entry_text("- category: platform\n  id: platforms\n"), "glossary.yml")


def test_duplicate_id_names_both_id_lines() -> None:
    """A repeated id is reported on its own line, and the first one's line is given too."""
    first = _entry_text("- category: platform\n  id: x\n  name: X\n")
    text = first + first
    second = first.count("\n") + 2
    with pytest.raises(
        DataFileError,
        match=rf"^glossary\.yml, line {second}, entry 'x': the id 'x' is used twice \(first at line 2\); "
        "give each entry its own id$",
    ):
        parse_glossary(text, "glossary.yml")


def test_unknown_category_names_the_line_of_the_category() -> None:
    """A category that is not known is reported on the category's line."""
    with pytest.raises(DataFileError, match=r"^glossary\.yml, line 3, entry 'x': the category 'network'"):
        parse_glossary(_entry_text("- id: x\n  name: X\n  category: network\n"), "glossary.yml")


def test_shared_name_that_is_not_text_names_its_line() -> None:
    """A top-level name that is not text is reported on its line, as "the name"."""
    with pytest.raises(DataFileError, match=r"^glossary\.yml, line 3, entry 'x': the name must be some text"):
        parse_glossary(_entry_text("- id: x\n  category: platform\n  name: [1]\n"), "glossary.yml")


def test_language_name_that_is_not_text_names_its_line() -> None:
    """A French name that is not text is reported on its line, as "the French name"."""
    with pytest.raises(
        DataFileError, match=r"^glossary\.yml, line 4, entry 'x': the French name must be some text"
    ):
        parse_glossary(_entry_text("- id: x\n  category: platform\n", "    name: [1]\n"), "glossary.yml")


def test_file_that_is_not_a_list_is_reported_from_its_first_line() -> None:
    """The message starts with the file and line, then says how entries start."""
    with pytest.raises(DataFileError, match=r"^glossary\.yml, line 1: the file must be a list of entries"):
        parse_glossary("id: x\n", "glossary.yml")


def test_load_without_a_label_names_the_path(tmp_path: Path) -> None:
    """Without a label, the error names the file by its path."""
    path = tmp_path / "glossary.yml"
    path.write_text("id: x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"^{re.escape(str(path))}, line 1: the file must be a list"):
        load_glossary(path)


def test_marker_error_counts_lines_from_the_first_one() -> None:
    """A blank first line counts: the marker on the second line is reported there."""
    with pytest.raises(DataFileError, match=r"^page\.md, line 2: put <!-- glossary --> alone"):
        insert_glossary("\nx <!-- glossary -->\n", "H", "page.md")


def test_marker_on_the_last_line_without_a_line_break_is_replaced() -> None:
    """A marker that ends the file, with no line break after it, is still alone on its line."""
    assert insert_glossary("Intro\n<!-- glossary -->", "H", "page.md") == "Intro\n\nH\n"


def test_repeated_marker_error_names_the_page() -> None:
    """The second marker is reported with the page and its line."""
    with pytest.raises(DataFileError, match=r"^page\.md, line 2: <!-- glossary --> appears more than once"):
        insert_glossary("<!-- glossary -->\n<!-- glossary -->\n", "H", "page.md")


def test_a_loaded_glossary_names_its_file() -> None:
    """The parsed glossary keeps the name its messages use for the file."""
    assert _parse(_entry()).source == "glossary.yml"
