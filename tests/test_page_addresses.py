"""English pages at English addresses: `slug:` in the English file's front matter
(hooks/page_addresses.py), the old address redirecting, and every way to reach the page
following it: links, the language selector, the sitemap, search and the checklist."""

from __future__ import annotations

import gzip
import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from playwright.sync_api import Page, expect

from checks import published
from checks.pages import is_redirect
from conftest import CONFIG_FILE, ROOT, BuiltSite, Traffic, build_site, page_slugs
from page_addresses import AddressError, SourcePage, addresses, destination, front_matter_slug

# The English addresses an editor chose; the French ones are the file names.
ENGLISH_ADDRESSES = {
    "a-propos": "about",
    "accessibilite": "accessibility",
    "communaute": "community-management",
    "ecoute": "listening",
    "exemple": "example",
    "glossaire": "glossary",
    "guide-complet": "whole-guide",
    "ia-generative": "generative-ai",
    "mesure": "measurement",
    "modeles": "templates",
    "objectifs": "objectives",
    "pertinence": "relevance",
    "plan": "plan",
    "preparation": "readiness",
    "publicite": "paid-promotion",
    "regles": "rules",
    "responsable": "owner",
    "secteur-public": "public-sector",
}


# --- The pure rules ---------------------------------------------------------------


def test_the_slug_is_read_from_the_front_matter() -> None:
    text = '---\ntitle: "Should you be there?"\nslug: relevance\n---\n\n# Should you be there?\n'
    assert front_matter_slug("docs/pertinence.en.md", text) == "relevance"
    assert front_matter_slug("docs/plan.en.md", "---\ntitle: Plan\n---\n# Plan\n") is None
    assert front_matter_slug("docs/plan.en.md", "# Plan\n\nslug: not-front-matter\n") is None


@pytest.mark.parametrize(
    "slug", ["Relevance", "relevance/", "rele vance", "pertinence-é", "-relevance", "a--b", "7"]
)
def test_a_slug_that_cannot_be_an_address_names_the_file(slug: str) -> None:
    text = f"---\ntitle: T\nslug: {slug}\n---\n"
    if slug == "7":  # YAML reads a number: not a slug either
        text = "---\ntitle: T\nslug: 7\n---\n"
    with pytest.raises(AddressError, match=r"^docs/pertinence\.en\.md: slug .* cannot be an address"):
        front_matter_slug("docs/pertinence.en.md", text)


def _pages(**slugs: str | None) -> list[SourcePage]:
    return [SourcePage(f"docs/{name}.en.md", name, slug) for name, slug in slugs.items()]


def test_addresses_follow_the_slugs() -> None:
    pages = _pages(index=None, pertinence="relevance", plan=None)
    assert addresses(pages, "en", "fr") == {"index": "index", "pertinence": "relevance", "plan": "plan"}
    assert destination("relevance", "en", "fr", True) == "en/relevance/index.html"
    assert destination("relevance", "en", "fr", False) == "en/relevance.html"


def test_two_pages_at_one_address_are_refused() -> None:
    with pytest.raises(
        AddressError,
        match=r"^docs/plan\.en\.md and docs/ecoute\.en\.md would both be at /en/plan/\. Give one of them",
    ):
        addresses(_pages(ecoute="plan", plan=None), "en", "fr")
    with pytest.raises(
        AddressError, match=r"docs/objectifs\.en\.md and docs/ecoute\.en\.md would both be at /en/goals/"
    ):
        addresses(_pages(ecoute="goals", objectifs="goals"), "en", "fr")


def test_a_slug_cannot_take_the_old_address_of_a_moved_page() -> None:
    """/en/pertinence/ redirects to /en/relevance/: no other page may live there."""
    with pytest.raises(
        AddressError,
        match=r"^docs/ecoute\.en\.md: its address /en/pertinence/ is the old address of docs/pertinence\.en\.md",
    ):
        addresses(_pages(pertinence="relevance", ecoute="pertinence"), "en", "fr")


def test_a_slug_where_it_cannot_work_names_the_file() -> None:
    with pytest.raises(
        AddressError, match=r"^docs/index\.en\.md: a home page's address is its folder \(/en/\)"
    ):
        addresses(_pages(index="home"), "en", "fr")
    with pytest.raises(AddressError, match=r"^docs/ecoute\.en\.md: “slug: assets” is the name of a folder"):
        addresses(_pages(ecoute="assets"), "en", "fr")
    french = [SourcePage("docs/ecoute.fr.md", "ecoute", "ecouter")]
    with pytest.raises(
        AddressError, match=r"^docs/ecoute\.fr\.md: “slug:” gives a translation its own address"
    ):
        addresses(french, "fr", "fr")


# --- The built site -----------------------------------------------------------------


def test_every_english_page_has_a_natural_english_address() -> None:
    """Each English file names its address (or keeps an English file name: plan)."""
    for name in page_slugs():
        if name == "index":
            continue
        source = ROOT / "docs" / f"{name}.en.md"
        assert (front_matter_slug(str(source), source.read_text("utf-8")) or name) == ENGLISH_ADDRESSES[name]


def test_english_pages_live_at_english_addresses_and_old_ones_redirect(built_site: BuiltSite) -> None:
    site = built_site.path
    for name, address in ENGLISH_ADDRESSES.items():
        assert not is_redirect(site / "en" / address / "index.html")
        if address != name:
            stub = (site / "en" / name / "index.html").read_text("utf-8")
            assert f'content="0; url=../{address}/"' in stub
            assert '<html lang="en">' in stub
        # The French page keeps its file name's address.
        assert not is_redirect(site / name / "index.html")
    assert {f"/en/{name}/" for name in ENGLISH_ADDRESSES} <= set(published.built_urls(site))


def test_links_selector_sitemap_and_search_follow_the_english_address(built_site: BuiltSite) -> None:
    site = built_site.path
    relevance = BeautifulSoup((site / "en" / "relevance" / "index.html").read_text("utf-8"), "html.parser")
    pertinence = BeautifulSoup((site / "pertinence" / "index.html").read_text("utf-8"), "html.parser")
    # The language selector, both ways.
    assert pertinence.select_one("a.md-select__link[hreflang=en]")["href"] == "../en/relevance/"
    assert relevance.select_one("a.md-select__link[hreflang=fr]")["href"] == "../../pertinence/"
    # A Markdown link written `pertinence.md#staying-away` (plan.en.md) and a checklist item's link.
    plan = (site / "en" / "plan" / "index.html").read_text("utf-8")
    readiness = (site / "en" / "readiness" / "index.html").read_text("utf-8")
    for html in (plan, readiness):
        assert re.search(r'href="\.\./relevance/#[\w-]+"', html)
        assert "../pertinence/" not in html
    # No English page links an old English address (../../ecoute/ is the French twin).
    old = re.compile(rf'href="(?:\.\./)?(?:{"|".join(n for n, a in ENGLISH_ADDRESSES.items() if n != a)})/')
    pages = [page for page in (site / "en").rglob("index.html") if not is_redirect(page)]
    assert [page for page in pages if old.search(page.read_text("utf-8"))] == []
    # Sitemap (plain and compressed) and the English search index.
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "en/relevance/" in sitemap and "en/pertinence/" not in sitemap
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
    locations = {
        doc["location"]
        for doc in json.loads((site / "en/search/search_index.json").read_text("utf-8"))["docs"]
    }
    assert "relevance/" in locations and not any(loc.startswith("pertinence/") for loc in locations)


def _project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(CONFIG_FILE, copy / "mkdocs.yml")
    for folder in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("Écoute!", "docs/ecoute.en.md: slug 'Écoute!' cannot be an address"),
        ("relevance", "docs/pertinence.en.md and docs/ecoute.en.md would both be at /en/relevance/"),
    ],
)
def test_a_bad_slug_stops_the_build_naming_the_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, slug: str, message: str
) -> None:
    project = _project_copy(tmp_path)
    source = project / "docs" / "ecoute.en.md"
    source.write_text(
        re.sub(r"^slug: .*$", f"slug: {slug}", source.read_text("utf-8"), count=1, flags=re.M), "utf-8"
    )
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project / "site", config_file=project / "mkdocs.yml")
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert any(message in error for error in errors), errors
    assert not any("Traceback" in error for error in errors)


def test_an_old_address_leads_to_the_new_one_with_the_readers_fragment(
    page_and_traffic: tuple[Page, Traffic], site_url: str
) -> None:
    """/en/pertinence/ opens /en/relevance/; an old checklist share link keeps its answers
    (redirect.js carries the #fragment that the meta refresh drops)."""
    page, traffic = page_and_traffic
    page.goto(f"{site_url}en/pertinence/")
    expect(page).to_have_url(f"{site_url}en/relevance/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(f"{site_url}en/preparation/#readiness-answers=goals-written")
    # The checklist loads the shared answers, then takes them out of the address.
    expect(page.locator("#readiness-goals-written")).to_be_checked()
    expect(page).to_have_url(f"{site_url}en/readiness/")
    traffic.assert_clean()


# --- Whole messages and the default language's root (found by mutation testing) --------------


def test_a_slug_in_the_default_language_is_refused_with_the_whole_message() -> None:
    with pytest.raises(AddressError) as caught:
        addresses([SourcePage("docs/ecoute.fr.md", "ecoute", "ecouter")], "fr", "fr")
    assert str(caught.value) == (
        "docs/ecoute.fr.md: “slug:” gives a translation its own address; pages in the default "
        "language keep their file name's address (/ecoute/). Remove the line, or "
        "rename the file (and add a redirect in mkdocs.yml)."
    )


def test_a_page_of_the_default_language_goes_at_the_site_s_root() -> None:
    assert destination("pertinence", "fr", "fr", True) == "pertinence/index.html"
    assert destination("pertinence", "fr", "fr", False) == "pertinence.html"
    assert destination("relevance", "en", "fr", True) == "en/relevance/index.html"


def test_a_slug_that_cannot_be_an_address_is_refused_with_the_whole_message() -> None:
    with pytest.raises(AddressError) as caught:
        front_matter_slug("docs/a.en.md", "---\nslug: Not OK\n---\n# A\n")
    assert str(caught.value) == (
        "docs/a.en.md: slug 'Not OK' cannot be an address. Use lower-case letters a to z, digits "
        "and hyphens between words, such as “slug: relevance” or “slug: public-sector”."
    )
