"""The language selector keeps the reader's #section when the twin page has it: the build
lists the ids each page shares with its twin (hooks/language_anchors.py), a small script
served by the site adds the reader's one (overrides/assets/javascripts/language-anchor.js).
Each of its links is marked in its own language (WCAG 3.1.2)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from checks.pages import built_pages
from conftest import DEFAULT_LANGUAGE, LANGUAGES, BuiltSite, Traffic, page_slugs, wait_for_material
from language_anchors import content_ids, with_link_languages, with_twin_anchors

# --- The pure part, in Python and in JavaScript ------------------------------------------


def test_content_ids_reads_every_id_unescaped() -> None:
    content = '<h2 id="goals">Goals</h2><p>x</p><div class="a" id="caf&eacute;"></div><a href="#goals">'
    assert content_ids(content) == {"goals", "café"}


def test_with_twin_anchors_marks_each_twin_link_with_the_shared_ids() -> None:
    page = (
        '<a href="./" hreflang="fr" class="md-select__link">\n'
        '<a href="../en/objectives/" hreflang="en" class="md-select__link">\n'
        '<a href="#goals" class="headerlink">'
    )
    assert with_twin_anchors(page, {"en": {"resources", "goals", 'a"b'}}) == (
        '<a href="./" hreflang="fr" class="md-select__link">\n'
        '<a href="../en/objectives/" hreflang="en" class="md-select__link" data-mdx-anchors="a&quot;b goals resources">\n'
        '<a href="#goals" class="headerlink">'
    )


def test_with_link_languages_marks_each_selector_link_in_its_own_language_once() -> None:
    """WCAG 3.1.2: lang= the link's hreflang, after Material's attributes; other links and a
    link already marked are left as they are; the twin's anchors still find the link."""
    page = (
        '<a href="./" hreflang="fr" class="md-select__link">\n'
        '<a href="../en/objectives/" hreflang="en" class="md-select__link">\n'
        '<a href="../en/" hreflang="en">'
    )
    marked = with_link_languages(page)
    assert marked == (
        '<a href="./" hreflang="fr" class="md-select__link" lang="fr">\n'
        '<a href="../en/objectives/" hreflang="en" class="md-select__link" lang="en">\n'
        '<a href="../en/" hreflang="en">'
    )
    assert with_link_languages(marked) == marked
    assert with_twin_anchors(marked, {"en": {"goals"}}).splitlines()[1] == (
        '<a href="../en/objectives/" hreflang="en" class="md-select__link" data-mdx-anchors="goals" lang="en">'
    )


# --- The built site -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_selector_link_is_in_its_own_language(built_site: BuiltSite, lang: str) -> None:
    """On every page of this language, the 404 page too, the link to each language carries
    that language (lang="en" on "English" in a French page), and the page keeps its own."""
    root = built_site.path if lang == DEFAULT_LANGUAGE else built_site.path / lang
    pages = [built_site.page(lang, slug) for slug in page_slugs()] + [root / "404.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        links = re.findall(
            r'<a href="[^"]*" hreflang="([^"]+)" class="md-select__link"[^>]*?\slang="([^"]+)"', html
        )
        assert sorted(links) == [(other, other) for other in sorted(LANGUAGES)], page
        assert f'<html lang="{lang}"' in html, page


def test_each_selector_link_lists_only_ids_both_twins_have(built_site: BuiltSite) -> None:
    """Every page's link to its twin carries data-mdx-anchors, and each id it lists is on
    both pages; the headings shared by design are there."""
    checked = 0
    for built in built_pages(built_site.path):
        if built.url.endswith("404.html"):
            continue
        soup = BeautifulSoup(built.path.read_text("utf-8"), "html.parser")
        own_ids = {tag["id"] for tag in soup.select("article [id]")}
        for link in soup.select("a.md-select__link"):
            if link["hreflang"] == built.language:
                assert not link.has_attr("data-mdx-anchors")
                continue
            twin_file = (built.path.parent / link["href"]).resolve() / "index.html"
            twin = BeautifulSoup(twin_file.read_text("utf-8"), "html.parser")
            twin_ids = {tag["id"] for tag in twin.select("article [id]")}
            listed = set(link["data-mdx-anchors"].split())
            assert listed, built.source
            assert listed <= own_ids & twin_ids, (built.source, listed - (own_ids & twin_ids))
            checked += 1
    assert checked >= 18
    objectives = BeautifulSoup(built_site.page("fr", "objectifs").read_text("utf-8"), "html.parser")
    assert "goals" in objectives.select_one("a.md-select__link[hreflang=en]")["data-mdx-anchors"].split()


def _switch_language(page: Page, name: str) -> None:
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f".md-select__link:has-text('{name}')").click()


def test_the_selector_keeps_the_section_the_reader_is_on(
    page_and_traffic: tuple[Page, Traffic], site_url: str
) -> None:
    """On objectifs/#goals, English opens en/objectives/#goals; back to French, #goals again.
    A section the twin lacks, or none, opens the twin at its top."""
    page, traffic = page_and_traffic
    page.goto(f"{site_url}objectifs/#goals")
    wait_for_material(page)
    _switch_language(page, "English")
    expect(page).to_have_url(f"{site_url}en/objectives/#goals")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # The reader moves to another section by the table of contents: the selector follows.
    page.locator("nav.md-nav--secondary a[href='#resources']:visible").first.click()
    expect(page).to_have_url(f"{site_url}en/objectives/#resources")
    _switch_language(page, "Français")
    expect(page).to_have_url(f"{site_url}objectifs/#resources")
    page.goto(f"{site_url}objectifs/#no-such-section")
    wait_for_material(page)
    _switch_language(page, "English")
    expect(page).to_have_url(f"{site_url}en/objectives/")
    traffic.assert_clean()


def test_without_javascript_the_selector_still_leads_to_the_twin(browser: Browser, site_url: str) -> None:
    """The script is an enhancement: with JavaScript off, the link opens the twin's top."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}objectifs/#goals")
        href = page.locator(".md-select__link[hreflang=en]").get_attribute("href")
        assert href == "../en/objectives/"
        page.goto(f"{site_url}objectifs/{href}")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert page.url == f"{site_url}en/objectives/"
    finally:
        context.close()


def test_the_script_is_served_by_the_site_on_every_page(built_site: BuiltSite) -> None:
    """A file of the site (script-src 'self'), fingerprinted, loaded async, never inline."""
    for built in built_pages(built_site.path):
        soup = BeautifulSoup(built.path.read_text("utf-8"), "html.parser")
        scripts = [tag for tag in soup.select("script[src]") if "language-anchor" in tag["src"]]
        assert len(scripts) == 1, built.source
        assert scripts[0].has_attr("async")
        src = scripts[0]["src"].removeprefix("/./").removeprefix("/")
        base = built_site.path if scripts[0]["src"].startswith("/") else built.path.parent
        assert (base / src).resolve().is_file(), (built.source, src)


def test_with_link_languages_looks_only_at_the_link_s_own_tag() -> None:
    """A lang= further down the page (a quotation in English) is not the link's: the link
    still gets its own."""
    page = (
        '<a href="../en/" hreflang="en" class="md-select__link">English</a>\n'
        '<p>Il a dit <q lang="en">hello</q>.</p>'
    )
    assert with_link_languages(page) == (
        '<a href="../en/" hreflang="en" class="md-select__link" lang="en">English</a>\n'
        '<p>Il a dit <q lang="en">hello</q>.</p>'
    )
