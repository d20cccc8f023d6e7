"""The whole guide on one page (hooks/whole_guide.py, docs/guide-complet.*.md): every
chapter of the navigation, in its order, with unique ids and links that work inside the
page; it prints one chapter a sheet with the addresses of external links, and passes axe."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from checks import links
from conftest import (
    ALSO_IN_FIREFOX,
    COLOUR_RULES,
    CONFIG_FILE,
    LANGUAGES,
    ROOT,
    BuiltSite,
    Engines,
    axe_violations,
    build_site,
    linked_project,
    page_path,
    read_printed,
    wait_for_material,
)
from whole_guide import (
    MARKER,
    Chapter,
    WholeGuideError,
    _relative,
    assemble,
    chapter_anchors,
    chapter_title,
    demote_headings,
    rewrite_ids,
    rewrite_links,
)

WHOLE_GUIDE = "guide-complet"
PAGE_HTML = f'<h1 id="whole">Whole guide</h1>\n<h2 id="contents">Contents</h2>\n{MARKER}\n'


def _chapter(name: str, url: str, body: str, title_id: str | None = None) -> Chapter:
    title = f'<h1 id="{title_id or name + "-title"}">Title of {name}<a class="headerlink" href="#{title_id or name + "-title"}">¶</a></h1>\n'
    return Chapter(name, url, f"docs/{name}.en.md", title + body)


# --- Ids ------------------------------------------------------------------------------


def test_each_id_takes_the_chapter_name_and_the_title_takes_the_name_itself() -> None:
    """A chapter's ids become name--id; its h1's id becomes its name."""
    chapter = _chapter("plan", "plan/", '<h2 id="budget">Budget</h2><p id="fn:1">Note</p>')
    assert chapter_anchors(chapter) == {"plan-title": "plan", "budget": "plan--budget", "fn:1": "plan--fn:1"}


def test_ids_and_what_names_them_are_rewritten_together() -> None:
    """id, for, aria-describedby (a list) and #links move together; data-*-id attributes do not."""
    anchors = {"q1": "preparation--q1", "q1-hint": "preparation--q1-hint", "top": "preparation"}
    content = (
        '<input id="q1" data-checklist-id="q1" aria-describedby="q1-hint other">'
        '<label for="q1">Q</label><div id="q1-hint"></div><a href="#top">Up</a><a href="#">Here</a>'
    )
    assert rewrite_ids(content, anchors) == (
        '<input id="preparation--q1" data-checklist-id="q1" aria-describedby="preparation--q1-hint other">'
        '<label for="preparation--q1">Q</label><div id="preparation--q1-hint"></div>'
        '<a href="#preparation">Up</a><a href="#">Here</a>'
    )


def test_the_assembled_page_has_each_id_once() -> None:
    """Two chapters with the same section ids: every id of the page is unique."""
    chapters = [
        _chapter("objectifs", "objectifs/", '<h2 id="goals">Goals</h2><h2 id="resources">R</h2>'),
        _chapter("plan", "plan/", '<h2 id="goals">Goals</h2><h2 id="resources">R</h2>'),
    ]
    html = assemble(chapters, "guide-complet/", "docs/guide-complet.en.md", PAGE_HTML).html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)) == 8
    assert {"objectifs--goals", "plan--goals", "objectifs", "plan"} <= set(ids)


def test_two_equal_ids_on_the_page_name_the_files() -> None:
    """An id that would appear twice (a chapter named like a section of the page) stops the build."""
    chapters = [_chapter("contents", "contents/", "<p>Text</p>")]
    with pytest.raises(
        WholeGuideError,
        match=r"^docs/guide-complet\.en\.md: the id 'contents' would appear 2 times on the whole guide "
        r"\(from docs/contents\.en\.md, docs/guide-complet\.en\.md\)",
    ):
        assemble(chapters, "guide-complet/", "docs/guide-complet.en.md", PAGE_HTML)


# --- Links ------------------------------------------------------------------------------

CHAPTERS = {"": "index", "objectifs/": "objectifs", "plan/": "plan", "en/owner/": "responsable"}
ANCHORS = {
    "index": {"home": "index", "four-steps": "index--four-steps"},
    "objectifs": {"objectives": "objectifs", "goals": "objectifs--goals"},
    "plan": {"plan": "plan"},
    "responsable": {"owner": "responsable", "backup": "responsable--backup"},
}


@pytest.mark.parametrize(
    ("chapter_address", "href", "expected"),
    [
        ("plan/", "../objectifs/#goals", "#objectifs--goals"),  # a section of another chapter
        ("plan/", "../objectifs/", "#objectifs"),  # another chapter: its title
        ("plan/", "../objectifs/#objectives", "#objectifs"),  # its title's own id
        ("plan/", "../", "#index"),  # the home page
        ("plan/", "../#four-steps", "#index--four-steps"),
        ("", "objectifs/#goals", "#objectifs--goals"),  # from the home page, one level up
        ("", "plan/", "#plan"),
        ("plan/", "./", "#plan"),  # the chapter itself
        ("en/owner/", "../owner/#backup", "#responsable--backup"),  # an English address
        ("plan/", "../guide-complet/", "#"),  # the whole guide itself: its top
        ("plan/", "../guide-complet/#contents", "#contents"),
    ],
)
def test_links_to_chapters_point_inside_the_page(chapter_address: str, href: str, expected: str) -> None:
    """A link to a chapter, or to a #section of one, becomes a link to its place on the page."""
    content = f'<a href="{href}">x</a>'
    assert (
        rewrite_links(content, chapter_address, "guide-complet/", CHAPTERS, ANCHORS)
        == f'<a href="{expected}">x</a>'
    )


def test_links_between_chapters_without_directory_urls() -> None:
    """The offline copy (plan.html, index.html): links between chapters still point inside."""
    chapters = {"index.html": "index", "objectifs.html": "objectifs", "en/index.html": "index-en"}
    anchors = {**ANCHORS, "index-en": {}}
    content = '<a href="objectifs.html#goals">a</a><a href="index.html">b</a><a href="assets/x.png">c</a>'
    assert rewrite_links(content, "plan.html", "guide-complet.html", chapters, anchors) == (
        '<a href="#objectifs--goals">a</a><a href="#index">b</a><a href="assets/x.png">c</a>'
    )
    assert rewrite_links(
        '<a href="../404.html">d</a>', "en/plan.html", "en/guide.html", chapters, anchors
    ) == ('<a href="../404.html">d</a>')
    assert rewrite_links(
        '<a href="index.html">d</a>', "en/plan.html", "en/guide.html", chapters, anchors
    ) == ('<a href="#index-en">d</a>')


@pytest.mark.parametrize(
    "href",
    [
        "https://laws-lois.justice.gc.ca/eng/acts/o-0.6/",
        "http://example.org/?a=1&amp;b=2",
        "mailto:guide@example.org",
        "//example.org/x",
        "/absolute/path/",
        "#local",
    ],
)
def test_external_and_absolute_links_stay_as_they_are(href: str) -> None:
    """A link to another site, an e-mail address or a root-relative path is left untouched."""
    content = f'<p><a href="{href}" title="t">x</a></p>'
    assert rewrite_links(content, "plan/", "guide-complet/", CHAPTERS, ANCHORS) == content


@pytest.mark.parametrize(
    ("chapter_address", "link", "expected"),
    [
        ("", '<img src="assets/images/step.png" alt="">', '<img src="../assets/images/step.png" alt="">'),
        (
            "plan/",
            '<img src="../assets/images/step.png" alt="">',
            '<img src="../assets/images/step.png" alt="">',
        ),
        ("", '<a href="templates/calendar.csv">csv</a>', '<a href="../templates/calendar.csv">csv</a>'),
        ("plan/", '<a href="../outside/?q=1#part">o</a>', '<a href="../outside/?q=1#part">o</a>'),
        ("en/owner/", '<a href="../../assets/f.pdf">f</a>', '<a href="../../assets/f.pdf">f</a>'),
        ("en/", '<a href="../assets/f.pdf">f</a>', '<a href="../../assets/f.pdf">f</a>'),
    ],
)
def test_other_relative_links_are_made_relative_to_the_page(
    chapter_address: str, link: str, expected: str
) -> None:
    """An image, a download or a page outside the guide: the same file, seen from the page's address."""
    page_url = "en/whole-guide/" if chapter_address.startswith("en/") else "guide-complet/"
    assert rewrite_links(link, chapter_address, page_url, CHAPTERS, ANCHORS) == expected


# --- Headings and the page ------------------------------------------------------------


def test_headings_go_one_level_down() -> None:
    """h1 → h2 … h5 → h6, opening and closing tags, attributes kept."""
    content = '<h1 id="a">A</h1><h2 class="x">B</h2><h5>E</h5><header>not a heading</header>'
    assert demote_headings(content, "docs/plan.en.md") == (
        '<h2 id="a">A</h2><h3 class="x">B</h3><h6>E</h6><header>not a heading</header>'
    )


def test_a_level_six_heading_names_the_file() -> None:
    """An h6 has no level below it: the build stops and says which file and what to do."""
    with pytest.raises(
        WholeGuideError, match=r"^docs/plan\.en\.md: a level-6 heading cannot go one level down"
    ):
        demote_headings("<h6>Deep</h6>", "docs/plan.en.md")


def test_a_chapter_without_a_title_names_the_file() -> None:
    """Each chapter needs its title as an h1: it becomes the chapter's heading and anchor."""
    chapters = [Chapter("plan", "plan/", "docs/plan.en.md", "<h2 id='x'>No title</h2>")]
    with pytest.raises(WholeGuideError, match=r"^docs/plan\.en\.md: the whole guide needs the page's title"):
        assemble(chapters, "guide-complet/", "docs/guide-complet.en.md", PAGE_HTML)


@pytest.mark.parametrize("page_html", ["<h1 id='w'>W</h1>", f"{MARKER}\n{MARKER}"])
def test_the_marker_must_be_there_once(page_html: str) -> None:
    """No marker, or two: the build stops and names the page."""
    with pytest.raises(
        WholeGuideError, match=r"^docs/guide-complet\.fr\.md: write the marker <!-- whole-guide --> once"
    ):
        assemble([], "guide-complet/", "docs/guide-complet.fr.md", page_html)


def test_the_page_lists_then_holds_the_chapters_in_their_order() -> None:
    """The marker becomes the list of chapters (linked to their titles), then each chapter in a section."""
    chapters = [_chapter("plan", "plan/", "<p>P</p>"), _chapter("objectifs", "objectifs/", "<p>O</p>")]
    guide = assemble(chapters, "guide-complet/", "docs/guide-complet.en.md", PAGE_HTML)
    soup = BeautifulSoup(guide.html, "html.parser")
    assert [(a["href"], a.text) for a in soup.select("ol.mdx-whole-guide__contents a")] == [
        ("#plan", "Title of plan"),
        ("#objectifs", "Title of objectifs"),
    ]
    assert [s.h2["id"] for s in soup.select("section.mdx-whole-guide__chapter")] == ["plan", "objectifs"]
    assert len(soup.find_all("h1")) == 1
    assert guide.anchors["plan"] == {"plan-title": "plan"}


# --- The built site ------------------------------------------------------------------


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml without MkDocs' own tags (!ENV …)."""


_IgnoreTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_names(config_text: str) -> list[str]:
    """The file names of the pages of `nav:`, in order, the whole guide left out, and the
    pages whose front matter leaves them out (`whole_guide: false`: the statement)."""
    nav = yaml.load(config_text, Loader=_IgnoreTagsLoader)["nav"]
    names = [str(next(iter(entry.values()))).removesuffix(".md") for entry in nav]
    return [name for name in names if name != WHOLE_GUIDE and not _left_out(name)]


def _left_out(name: str) -> bool:
    source = (ROOT / "docs" / f"{name}.fr.md").read_text(encoding="utf-8")
    front_matter = yaml.safe_load(source.split("---", 2)[1])
    return front_matter.get("whole_guide", True) is False


def _headings(path: Path, selector: str) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [" ".join(h.get_text(" ", strip=True).removesuffix("¶").split()) for h in soup.select(selector)]


def _whole_guide_headings(site: Path, lang: str) -> list[str]:
    prefix = site if lang == "fr" else site / lang
    return _headings(
        prefix / page_path(WHOLE_GUIDE, lang) / "index.html", "section.mdx-whole-guide__chapter :is(h2, h3)"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chapter_is_there_in_nav_order(built_site: BuiltSite, lang: str) -> None:
    """The page holds each chapter's title and sections (one level down), in the order of `nav:`."""
    expected = []
    for name in _nav_names(CONFIG_FILE.read_text(encoding="utf-8")):
        expected += _headings(built_site.page(lang, name), "article :is(h1, h2)")
    assert len(expected) > 30
    assert _whole_guide_headings(built_site.path, lang) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_has_no_broken_link_or_anchor(built_site: BuiltSite, lang: str) -> None:
    """The site's link checker finds nothing wrong on the page, which links to every chapter."""
    problems, _ = links.check_site(built_site.path, ROOT)
    source = f"docs/{WHOLE_GUIDE}.{lang}.md"
    assert [str(problem) for problem in problems if problem.source == source] == []
    soup = BeautifulSoup(built_site.page(lang, WHOLE_GUIDE).read_text(encoding="utf-8"), "html.parser")
    inside = [a["href"] for a in soup.select("article a[href^='#']") if a["href"] != "#"]
    assert len(inside) > 100, "the page should link to its chapters and their sections"
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    assert {href[1:] for href in inside} <= ids
    # No link leaves the page for a chapter's own page: each one points inside.
    here = f"/{'' if lang == 'fr' else lang + '/'}{page_path(WHOLE_GUIDE, lang)}"
    chapters = {
        f"/{'' if lang == 'fr' else lang + '/'}{page_path(name, lang)}"
        for name in _nav_names(CONFIG_FILE.read_text(encoding="utf-8"))
    }
    leaving = [
        a["href"]
        for a in soup.select("article a[href]")
        if not urlsplit(a["href"]).netloc and urlsplit(urljoin(here, a["href"])).path in chapters
    ]
    assert leaving == []
    # The checklist's labels and hints still name their fields.
    for attribute in ("for", "aria-describedby"):
        assert {tag[attribute] for tag in soup.select(f"article [{attribute}]")} <= ids


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_is_a_real_page_linked_from_home(built_site: BuiltSite, lang: str) -> None:
    """One h1, a title and a description, out of the search index, and linked from the home page."""
    path = built_site.page(lang, WHOLE_GUIDE)
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert len(soup.find_all("h1")) == 1
    assert soup.title is not None and soup.title.text.split(" - ")[0] in (
        "Le guide complet",
        "The whole guide",
    )
    assert soup.find("meta", attrs={"name": "description"})["content"]
    home = BeautifulSoup(built_site.page(lang, "index").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one(f"article a[href='{page_path(WHOLE_GUIDE, lang)}']") is not None
    index = (built_site.path if lang == "fr" else built_site.path / lang) / "search" / "search_index.json"
    assert page_path(WHOLE_GUIDE, lang) not in index.read_text(encoding="utf-8")


def test_a_page_added_or_moved_in_nav_follows_without_a_list(tmp_path: Path) -> None:
    """The chapters come from `nav:` alone: move a page and drop another, the page follows."""
    text = CONFIG_FILE.read_text(encoding="utf-8")
    moved = text.replace("  - Les règles à respecter: regles.md\n", "").replace(
        "  - Faut-il y être?: pertinence.md\n",
        "  - Les règles à respecter: regles.md\n  - Faut-il y être?: pertinence.md\n",
    )
    moved = moved.replace("  - Glossaire des outils: glossaire.md\n", "")
    config = linked_project(tmp_path / "project", moved)
    names = _nav_names(moved)
    assert names.index("regles") == 1 and "glossaire" not in names
    build_site(tmp_path / "site", config)
    for lang in LANGUAGES:
        guide = _page(tmp_path / "site", lang, WHOLE_GUIDE)
        titles = [_headings(_page(tmp_path / "site", lang, name), "article h1")[0] for name in names]
        assert _headings(guide, "section.mdx-whole-guide__chapter > h2") == titles


def _page(site: Path, lang: str, name: str) -> Path:
    return (site if lang == "fr" else site / lang) / page_path(name, lang) / "index.html"


# --- In the browser: printed, and accessible ----------------------------------------------


def _open(page: Page, site_url: str, lang: str) -> None:
    prefix = "" if lang == "fr" else f"{lang}/"
    page.goto(f"{site_url}{prefix}{page_path(WHOLE_GUIDE, lang)}")
    expect(page.locator("section.mdx-whole-guide__chapter").first).to_be_attached()
    wait_for_material(page)  # its bundle makes code blocks focusable, as on every page


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_has_no_accessibility_violation(page: Page, site_url: str, lang: str) -> None:
    """axe-core (WCAG 2.2 AA) finds nothing on the whole page, all its chapters included,
    in the light and the dark scheme."""
    _open(page, site_url, lang)
    found = [f"light: {line}" for line in axe_violations(page)]
    # Set before the page loads, as a reader's system does: no colour transition to wait out.
    page.emulate_media(color_scheme="dark")
    _open(page, site_url, lang)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    found += [f"dark: {line}" for line in axe_violations(page, rules=COLOUR_RULES)]
    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_it_shows_external_addresses_and_no_navigation(page: Page, site_url: str, lang: str) -> None:
    """Print media: the menus, header and buttons are gone, each chapter starts a sheet, and
    the address of each external link follows its text; axe still finds nothing."""
    _open(page, site_url, lang)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top"):
        expect(page.locator(hidden)).to_be_hidden()
    breaks = page.locator("section.mdx-whole-guide__chapter").evaluate_all(
        "sections => sections.map(s => getComputedStyle(s).breakBefore)"
    )
    assert len(breaks) > 5 and set(breaks) == {"page"}
    external = page.locator("article a[href^='https://']").first
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in after
    assert axe_violations(page) == []


def _printed_sheets(page: Page, engine: str, engines: Engines) -> list[str]:
    """The text of each printed sheet: Chromium prints to PDF on request; Firefox through
    window.print() and its own PDF printer (print media cannot be emulated there)."""
    if engine == "chromium":
        sheets = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    else:
        engines.printed_pdf.unlink(missing_ok=True)
        page.evaluate(
            "() => { addEventListener('afterprint', () => { document.documentElement.dataset.printed = ''; }); }"
        )
        page.evaluate("() => { setTimeout(() => print(), 0); }")  # returns before the print ends
        expect(page.locator("html")).to_have_attribute("data-printed", "", timeout=60_000)
        sheets = read_printed(engines.printed_pdf, within_s=60).pages
    return [" ".join(sheet.extract_text().split()) for sheet in sheets]


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_printed_pdf_starts_each_chapter_on_a_sheet(
    page: Page, engines: Engines, engine: str, site_url: str, lang: str
) -> None:
    """Printed to PDF: the page's title comes first (no header or menu), each chapter's
    title tops a sheet, and the address of an external link is printed."""
    _open(page, site_url, lang)
    sheets = _printed_sheets(page, engine, engines)
    # Nothing before the page's title: no header, tabs or menu (they come first in the page).
    title = " ".join(page.locator("article h1").inner_text().replace("¶", "").split())
    assert sheets[0].startswith(title), sheets[0][:200]
    tops = [sheet[:200] for sheet in sheets]
    for chapter in page.locator("section.mdx-whole-guide__chapter > h2").all_inner_texts():
        chapter = " ".join(chapter.replace("¶", "").split())
        assert any(top.startswith(chapter) for top in tops), f"no sheet starts with {chapter!r}"
    href = page.locator("article a[href^='https://']").first.get_attribute("href")
    assert href is not None and href in "".join(sheets).replace(" ", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checklist_keeps_the_answers_given_on_its_own_page(page: Page, site_url: str, lang: str) -> None:
    """The checklist chapter is the live checklist, its ids prefixed: an answer ticked on the
    checklist page is ticked on the whole guide (one storage), and the result counts it."""
    prefix = "" if lang == "fr" else f"{lang}/"
    page.goto(f"{site_url}{prefix}{page_path('preparation', lang)}")
    page.locator("[data-module='mdx-checklist'][data-checklist-ready]").wait_for(state="attached")
    first = page.locator(".js-checklist-input").first
    label = page.locator(f"label[for='{first.get_attribute('id')}']").inner_text()
    first.check()
    overall = page.locator(".js-checklist-overall")
    expect(overall).not_to_be_empty()
    result = overall.inner_text()
    _open(page, site_url, lang)
    page.locator("[data-module='mdx-checklist'][data-checklist-ready]").wait_for(state="attached")
    ticked = page.get_by_label(label.strip(), exact=True)
    expect(ticked).to_be_checked()
    assert (ticked.get_attribute("id") or "").startswith("preparation--")
    expect(page.locator(".js-checklist-overall")).to_have_text(result)


# --- Whole outputs and boundaries (found by mutation testing) -------------------------------


def test_the_page_is_assembled_whole_with_links_made_right_from_its_depth() -> None:
    """Two chapters one level below the root, the page two levels down: ids taken from
    each chapter, links to a chapter or its section made local (an unknown section
    gets the chapter's prefix), other relative links seen from the page's folder."""
    chapters = [
        _chapter(
            "plan",
            "en/plan/",
            '<h2 id="steps">Steps</h2><p><a href="../objectives/#why">w</a> <a href="../objectives/#gone">g</a> '
            '<a href="../glossary/?q=1#x">o</a> <img src="../img/a.png"></p>',
        ),
        _chapter(
            "objectives",
            "en/objectives/",
            '<h2 id="why">Why <em>now</em></h2><p><a href="../plan/">p</a> <a href="../guide/whole/#top">t</a></p>',
        ),
    ]
    guide = assemble(chapters, "en/guide/whole/", "docs/whole-guide.en.md", PAGE_HTML)
    assert guide.html == (
        '<h1 id="whole">Whole guide</h1>\n<h2 id="contents">Contents</h2>\n'
        '<ol class="mdx-whole-guide__contents">\n<li><a href="#plan">Title of plan</a></li>\n'
        '<li><a href="#objectives">Title of objectives</a></li>\n</ol>\n'
        '<section class="mdx-whole-guide__chapter">\n'
        '<h2 id="plan">Title of plan<a class="headerlink" href="#plan">¶</a></h2>\n'
        '<h3 id="plan--steps">Steps</h3><p><a href="#objectives--why">w</a> <a href="#objectives--gone">g</a> '
        '<a href="../../glossary/?q=1#x">o</a> <img src="../../img/a.png"></p>\n</section>\n'
        '<section class="mdx-whole-guide__chapter">\n'
        '<h2 id="objectives">Title of objectives<a class="headerlink" href="#objectives">¶</a></h2>\n'
        '<h3 id="objectives--why">Why <em>now</em></h3><p><a href="#plan">p</a> <a href="#top">t</a></p>\n'
        "</section>\n"
    )


def test_ids_and_local_links_are_rewritten_exactly() -> None:
    """Quotes stay escaped, spaces between ids stay as written, `#` alone, other pages'
    links and an image's `#` are left alone, an unknown #id is kept."""
    content = (
        '<p id="x&quot;y" aria-describedby="a  b"><a href="#a">1</a><a href="#zz">2</a><a href="#">3</a>'
        '<a href="plan/">4</a><img src="#a"><a href="#x&quot;y">5</a></p>'
    )
    assert rewrite_ids(content, {"a": "c--a", 'x"y': 'c--x"y'}) == (
        '<p id="c--x&quot;y" aria-describedby="c--a  b"><a href="#c--a">1</a><a href="#zz">2</a><a href="#">3</a>'
        '<a href="plan/">4</a><img src="#a"><a href="#c--x&quot;y">5</a></p>'
    )


def test_a_title_s_text_loses_its_tags() -> None:
    chapter = Chapter("n", "n/", "docs/n.en.md", '<h1 id="t">A <em>b</em>&amp; c</h1>')
    assert chapter_title(chapter) == ("t", "A b& c")


def test_a_level_six_heading_is_refused_with_the_whole_message() -> None:
    with pytest.raises(WholeGuideError) as caught:
        demote_headings("<h6>x</h6>", "docs/a.md")
    assert str(caught.value) == (
        "docs/a.md: a level-6 heading cannot go one level down in the whole guide; "
        "use a level-5 heading (#####) or less"
    )


@pytest.mark.parametrize(
    ("target", "page_url", "folder", "link"),
    [
        ("en/plan/", "en/plan/", True, "./"),
        ("en/plan/", "en/whole/", True, "../plan/"),
        ("en/a.png", "en/whole/", False, "../a.png"),
        ("a.png", "", False, "a.png"),
        ("en/a.png", "en/whole/index.html", False, "../a.png"),
    ],
)
def test_a_relative_link_starts_from_the_page_s_folder(
    target: str, page_url: str, folder: bool, link: str
) -> None:
    assert _relative(target, page_url, folder) == link


@pytest.mark.parametrize(
    ("chapter_address", "href", "expected"),
    [
        ("plan/", "../objectifs/index.html#goals", "#objectifs--goals"),
        ("", "index.html#four-steps", "#index--four-steps"),  # the home page, from itself
    ],
)
def test_a_link_to_a_chapter_s_index_file_points_inside_the_page(
    chapter_address: str, href: str, expected: str
) -> None:
    """`objectifs/index.html` is the chapter at `objectifs/`, whichever way the link is written."""
    content = f'<a href="{href}">x</a>'
    assert (
        rewrite_links(content, chapter_address, "guide-complet/", CHAPTERS, ANCHORS)
        == f'<a href="{expected}">x</a>'
    )


def test_a_link_to_the_page_s_own_folder_stays_a_folder_link() -> None:
    """Without directory URLs (en/guide.html), a link to en/ seen from the page is ./."""
    assert rewrite_links('<a href="../">up</a>', "en/a/", "en/guide.html", CHAPTERS, ANCHORS) == (
        '<a href="./">up</a>'
    )


def test_an_embedded_page_keeps_its_address() -> None:
    """Only a link (href) becomes a place on the page; a src that names a chapter still
    loads that file."""
    embedded = '<iframe src="../objectifs/"></iframe>'
    assert rewrite_links(embedded, "plan/", "guide-complet/", CHAPTERS, ANCHORS) == embedded


def test_a_quote_in_a_rewritten_link_stays_inside_its_attribute() -> None:
    """An address with a quote (&quot;) keeps it escaped: the attribute does not end early."""
    content = '<a href="../files/say&quot;hi&quot;.pdf">f</a>'
    rewritten = rewrite_links(content, "plan/", "guide-complet/", CHAPTERS, ANCHORS)
    link = BeautifulSoup(rewritten, "html.parser").a
    assert link is not None
    assert link["href"] == '../files/say"hi".pdf'


def test_a_level_six_heading_in_a_chapter_names_the_chapter_s_file() -> None:
    chapters = [_chapter("plan", "plan/", "<h6>Deep</h6>")]
    with pytest.raises(WholeGuideError, match=r"^docs/plan\.en\.md: a level-6 heading"):
        assemble(chapters, "guide-complet/", "docs/guide-complet.en.md", PAGE_HTML)
