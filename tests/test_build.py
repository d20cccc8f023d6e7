"""The real site builds strictly, in both languages, with the same shape."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import CONFIG_FILE, DEFAULT_LANGUAGE, LANGUAGES, ROOT, BuiltSite, page_path, page_slugs

SLUGS = page_slugs()


def test_strict_build_has_no_warnings(built_site: BuiltSite) -> None:
    """A strict in-process build finishes and logs no warning at all."""
    assert built_site.warnings == []
    assert built_site.page("fr", "index").is_file()
    assert built_site.page("en", "index").is_file()


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_exists_in_both_languages(slug: str) -> None:
    """docs/<slug>.fr.md has its twin docs/<slug>.en.md, and the reverse."""
    missing = [
        f"docs/{slug}.{lang}.md" for lang in LANGUAGES if not (ROOT / "docs" / f"{slug}.{lang}.md").is_file()
    ]
    assert missing == [], f"create the missing translation(s): {', '.join(missing)}"


def _nav_shape(built_html: str) -> list[str]:
    soup = BeautifulSoup(built_html, "html.parser")
    primary = soup.select_one("nav.md-nav--primary")
    assert primary is not None
    # Resolved against a dummy root, so "." and "./" compare equal.
    return [
        urljoin("/root/", a["href"])
        for a in primary.select(":scope > ul.md-nav__list > li.md-nav__item > a.md-nav__link")
    ]


def test_navigation_has_the_same_shape_in_both_languages(built_site: BuiltSite) -> None:
    """The English menu links the same pages, in the same order, as the French one."""
    french = _nav_shape(built_site.page("fr", "index").read_text(encoding="utf-8"))
    english = _nav_shape(built_site.page("en", "index").read_text(encoding="utf-8"))
    assert len(french) == len(SLUGS)
    # Each English page at its own address (its `slug:`), in the French order.
    names = [href.removeprefix("/root/").strip("/") or "index" for href in french]
    assert english == [urljoin("/root/", page_path(name, "en")) for name in names]


def test_navigation_titles_are_translated(built_site: BuiltSite) -> None:
    """Every French navigation title has an English translation in mkdocs.yml."""
    config = yaml.load(CONFIG_FILE.read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)
    french_titles = [next(iter(entry)) for entry in config["nav"]]
    english = next(lang for lang in _i18n(config)["languages"] if lang["locale"] == "en")
    translations = english["nav_translations"]
    assert [t for t in french_titles if t not in translations] == []
    assert all(translations[t] != t for t in french_titles)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_each_page_has_lang_title_and_a_relative_language_selector(
    built_site: BuiltSite, lang: str, slug: str
) -> None:
    """<html lang>, a non-empty <title>, and a language selector whose relative links lead to
    both twins. Built without SITE_URL: no hreflang link (test_any_path.py has them absolute)."""
    soup = BeautifulSoup(built_site.page(lang, slug).read_text(encoding="utf-8"), "html.parser")
    assert soup.html is not None and soup.html["lang"] == lang
    assert soup.title is not None and soup.title.get_text(strip=True)
    assert soup.select("head link[hreflang], head link[rel=canonical]") == []
    selector = {link["hreflang"]: link["href"] for link in soup.select("a.md-select__link")}
    assert set(selector) == set(LANGUAGES)
    assert not any(href.startswith("/") or "://" in href for href in selector.values()), selector
    here = f"/{'' if lang == DEFAULT_LANGUAGE else lang + '/'}{page_path(slug, lang)}"
    resolved = {code: urljoin(here, href) for code, href in selector.items()}
    assert resolved["fr"] == f"/{page_path(slug)}"
    assert resolved["en"] == f"/en/{page_path(slug, 'en')}"


class _IgnoreTagsLoader(yaml.SafeLoader):
    """Safe loader that reads MkDocs' !ENV tags as their default value."""


_IgnoreTagsLoader.add_constructor(
    "!ENV",
    lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None,
)


def _i18n(config: dict) -> dict:
    return next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)


# Strings the theme or Markdown would otherwise leave in the wrong language (or misspelt).
WRONG_LANGUAGE = {
    "fr": ("Permanent link", "Editer cette page", "Edit this page", "Skip to content"),
    "en": ("Lien vers cette section", "Modifier cette page", "Aller au contenu"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_interface_strings_are_in_the_page_language(built_site: BuiltSite, lang: str, slug: str) -> None:
    """Permalink tooltips, the edit button and the skip link speak the page's language."""
    html = built_site.page(lang, slug).read_text(encoding="utf-8")
    assert [s for s in WRONG_LANGUAGE[lang] if s in html] == []


@pytest.mark.parametrize(
    ("lang", "title"), [("fr", "Médias sociaux : par où commencer"), ("en", "Social media: where to start")]
)
def test_each_home_page_is_titled_by_the_guide(built_site: BuiltSite, lang: str, title: str) -> None:
    """The home page's <title> (tab, bookmark, search engine) names the guide, not "Accueil"."""

    def text(slug: str) -> str:  # spaces, no-break ones included, as one space
        soup = BeautifulSoup(built_site.page(lang, slug).read_text(encoding="utf-8"), "html.parser")
        assert soup.title is not None
        return " ".join(soup.title.get_text().split())

    assert text("index") == title
    assert text("plan").endswith(f" - {title}")
