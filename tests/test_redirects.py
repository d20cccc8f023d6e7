"""Redirect guard: no published address disappears without a redirect, and a redirect
written once in mkdocs.yml works in both languages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from checks import published
from conftest import CONFIG_FILE, BuiltSite, build_site, linked_project
from redirect_rules import RedirectError, check_redirects, stub_canonical, with_fragment_script


def test_every_published_address_still_answers(built_site: BuiltSite) -> None:
    """Each address in tests/checks/published-urls.txt is a page or a redirect of the built site."""
    urls = published.read_published()
    assert "/" in urls and "/en/" in urls
    assert published.disappeared(urls, published.built_urls(built_site.path)) == []


def test_every_page_address_is_in_the_published_list(built_site: BuiltSite) -> None:
    """A new page adds its addresses to the list, so that the guard covers it later."""
    built = published.built_urls(built_site.path)
    assert published.unlisted(published.read_published(), built) == []


def test_a_removed_page_names_the_address_and_the_redirect_to_add(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    """The pages of 'ecoute' gone from the built site: both addresses fail, with the fix."""
    site = tmp_path / "site"
    shutil.copytree(built_site.path, site)
    shutil.rmtree(site / "ecoute")
    shutil.rmtree(site / "en" / "ecoute")
    problems = published.disappeared(published.read_published(), published.built_urls(site))
    assert problems == [
        "/ecoute/ was published, but the site no longer has it (was it docs/ecoute.fr.md?). Readers "
        "and search engines still use this address. In mkdocs.yml, under plugins → redirects → "
        "redirect_maps, add a line “ecoute.md: new-page.md” that sends it to the page that replaces it.",
        "/en/ecoute/ was published, but the site no longer has it (was it docs/ecoute.en.md?). Readers "
        "and search engines still use this address. In mkdocs.yml, under plugins → redirects → "
        "redirect_maps, add a line “ecoute.md: new-page.md” that sends it to the page that replaces it.",
    ]


def test_a_new_page_is_asked_for_in_the_list() -> None:
    """A built address that the list lacks: the line to add, and where."""
    assert published.unlisted(["/"], ["/", "/budget/"]) == [
        "/budget/ is a new address: add the line “/budget/” to tests/checks/published-urls.txt, so that it "
        "cannot disappear later without a redirect."
    ]


def _project_with_redirect(tmp_path: Path, old: str, new: str) -> Path:
    """The real project, seen from a temporary folder, with one redirect added to mkdocs.yml."""
    text = CONFIG_FILE.read_text(encoding="utf-8")
    config = re.sub(r"(\n {6}redirect_maps:\n)", rf"\1        {old}: {new}\n", text, count=1)
    assert config != text, "mkdocs.yml lost its redirects → redirect_maps section"
    return linked_project(tmp_path / "project", config)


def test_a_redirect_works_in_both_languages(tmp_path: Path) -> None:
    """ancien-plan.md: plan.md#budget → /ancien-plan/ and /en/ancien-plan/ lead to each
    language's plan; the stub speaks its language and runs no script."""
    site = tmp_path / "site"
    warnings = build_site(
        site, config_file=_project_with_redirect(tmp_path, "ancien-plan.md", "plan.md#budget")
    )
    assert warnings == []
    for lang, stub in (
        ("fr", site / "ancien-plan" / "index.html"),
        ("en", site / "en" / "ancien-plan" / "index.html"),
    ):
        html = stub.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        assert 'content="0; url=../plan/#budget"' in html
        # One script, a file of the site that keeps the reader's #fragment: nothing inline.
        depth = "../" * len(stub.relative_to(site).parts[:-1])
        assert re.findall(r"<script[^>]*>", html) == [f'<script src="{depth}assets/javascripts/redirect.js">']
        assert (site / "assets" / "javascripts" / "redirect.js").is_file()
        assert 'rel="canonical"' not in html  # no SITE_URL: no absolute address to give
        assert (stub.parent.parent / "plan" / "index.html").is_file()
    built = published.built_urls(site)
    assert {"/ancien-plan/", "/en/ancien-plan/"} <= set(built)
    assert published.disappeared(["/ancien-plan/", "/en/ancien-plan/"], built) == []


def test_the_redirect_section_is_where_editors_look() -> None:
    """mkdocs.yml keeps mkdocs-redirects enabled, with its redirect_maps section."""
    plugins = yaml.load(CONFIG_FILE.read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)["plugins"]
    assert any(isinstance(p, dict) and "redirects" in p for p in plugins)


class _IgnoreTagsLoader(yaml.SafeLoader):
    """Safe loader that reads MkDocs' !ENV tags as nothing."""


_IgnoreTagsLoader.add_constructor("!ENV", lambda loader, node: None)


PAGES = {"index.md", "plan.md", "objectifs.md"}


def test_a_redirect_to_an_existing_page_is_accepted() -> None:
    """Old page gone, new page present, with or without a #section: fine."""
    check_redirects({"ancien-plan.md": "plan.md#budget", "vieux.md": "https://example.org/"}, PAGES)


def test_a_redirect_written_with_a_language_says_how_to_write_it() -> None:
    """plan.fr.md in redirect_maps: write plan.md, both languages get it."""
    with pytest.raises(
        RedirectError, match=r"“ancien.fr.md: plan.md”: write “ancien.md”, without the language"
    ):
        check_redirects({"ancien.fr.md": "plan.md"}, PAGES)


def test_a_redirect_to_a_missing_page_names_it() -> None:
    """The new page must exist in docs/."""
    with pytest.raises(RedirectError, match=r"the new page “budjet.md” does not exist"):
        check_redirects({"ancien.md": "budjet.md"}, PAGES)


def test_a_redirect_from_a_page_that_still_exists_is_refused() -> None:
    """A redirect would overwrite a live page: the editor is told to choose."""
    with pytest.raises(RedirectError, match=r"docs/plan.fr.md still exists; a redirect would hide it"):
        check_redirects({"plan.md": "objectifs.md"}, PAGES)


def test_a_bad_redirect_stops_the_build_with_a_clear_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """In a real build: the build stops, and MkDocs prints the line of mkdocs.yml and the fix."""
    config = _project_with_redirect(tmp_path, "ancien.md", "budjet.md")
    with pytest.raises(Abort):
        build_site(tmp_path / "site", config_file=config)
    assert (
        "mkdocs.yml, plugins → redirects → redirect_maps, “ancien.md: budjet.md”: the new page “budjet.md” "
        "does not exist." in caplog.text
    )


def test_a_stubs_canonical_link_is_absolute_with_site_url_and_left_out_without() -> None:
    """Search engines read a canonical link only as a full address."""
    stub = '<head>\n<link rel="canonical" href="../relevance/">\n<meta http-equiv="refresh" content="0; url=../relevance/">'
    assert stub_canonical(stub, "https://example.org/guide/en/pertinence/") == (
        '<head>\n<link rel="canonical" href="https://example.org/guide/en/relevance/">\n'
        '<meta http-equiv="refresh" content="0; url=../relevance/">'
    )
    assert stub_canonical(stub, None) == '<head>\n<meta http-equiv="refresh" content="0; url=../relevance/">'


def test_a_redirect_error_starts_with_where_to_fix_it() -> None:
    """The message starts with mkdocs.yml's section and the line as written."""
    with pytest.raises(
        RedirectError,
        match=r"^mkdocs\.yml, plugins → redirects → redirect_maps, “ancien\.md: budjet\.md”: the new page",
    ):
        check_redirects({"ancien.md": "budjet.md"}, PAGES)


def test_a_target_written_with_a_language_says_how_to_write_it() -> None:
    """plan.en.md#budget as the new page: write plan.md, its section aside."""
    with pytest.raises(
        RedirectError, match=r": write “plan\.md”, without the language; both languages get the redirect\.$"
    ):
        check_redirects({"ancien.md": "plan.en.md#budget"}, PAGES)


def test_an_old_page_that_is_not_a_markdown_file_is_refused() -> None:
    """The old page is named as a file, such as budget.md."""
    with pytest.raises(
        RedirectError, match=r"“ancien/: plan\.md”: the old page is a file name ending in \.md"
    ):
        check_redirects({"ancien/": "plan.md"}, PAGES)


def test_a_redirect_to_an_http_address_is_accepted() -> None:
    """Another site, over http: or https:, need not be a page of the guide."""
    check_redirects({"vieux.md": "http://example.org/page"}, PAGES)


def test_a_redirect_to_a_missing_page_says_how_to_name_one() -> None:
    """The message gives the form of a page name."""
    with pytest.raises(
        RedirectError, match=r"Use the name of a page in docs/, without the language, such as “plan\.md”\.$"
    ):
        check_redirects({"ancien.md": "budjet.md"}, PAGES)


def test_only_the_stubs_first_canonical_link_changes() -> None:
    """The stub's own canonical link is the first; a second one is left as written."""
    stub = '<link rel="canonical" href="a/">\n<link rel="canonical" href="b/">\n'
    assert stub_canonical(stub, "https://example.org/x/") == (
        '<link rel="canonical" href="https://example.org/x/a/">\n<link rel="canonical" href="b/">\n'
    )
    assert stub_canonical(stub, None) == '<link rel="canonical" href="b/">\n'


def test_the_stub_loads_the_fragment_script_before_its_head_ends() -> None:
    """One script element, from a file of the site, just before the first </head>."""
    stub = "<head>\n<title>x</title>\n</head>\n<body></head></body>"
    assert with_fragment_script(stub, "../assets/javascripts/redirect.js") == (
        '<head>\n<title>x</title>\n<script src="../assets/javascripts/redirect.js"></script>\n</head>\n'
        "<body></head></body>"
    )


def test_a_redirect_from_a_page_that_still_exists_says_what_to_do_whole() -> None:
    with pytest.raises(RedirectError) as caught:
        check_redirects({"plan.md": "objectifs.md"}, PAGES)
    assert str(caught.value) == (
        "mkdocs.yml, plugins → redirects → redirect_maps, “plan.md: objectifs.md”: docs/plan.fr.md still "
        "exists; a redirect would hide it. Remove the line, or remove or rename the page."
    )


def test_the_new_page_is_what_comes_before_the_first_hash() -> None:
    """A section written with a # of its own (#step#2) still leads to plan.md."""
    check_redirects({"ancien-plan.md": "plan.md#step#2"}, PAGES)
