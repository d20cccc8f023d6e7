"""The built site's links and HTML: every internal link and anchor resolves in both
languages, external links are listed (not fetched), and the Nu validator finds no
error in our markup. Each check also proves it catches what an editor can break."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import crawl, html_validator, links
from checks.pages import built_pages
from conftest import LANGUAGES, ROOT, BuiltSite, page_slugs

# A Markdown link to another site: [text](https://…)
MARKDOWN_EXTERNAL_LINK_RE = re.compile(r"\]\((https?://[^)\s]+)\)")


# --- Links ----------------------------------------------------------------------


def test_every_built_page_is_checked(built_site: BuiltSite) -> None:
    """Every page of both languages is in the list the checks go through."""
    sources = {page.source for page in built_pages(built_site.path)}
    expected = {f"docs/{slug}.{lang}.md" for slug in page_slugs() for lang in LANGUAGES}
    assert expected <= sources


def test_no_broken_link_or_anchor_in_the_built_site(built_site: BuiltSite) -> None:
    """Every internal href and #anchor of the built site, in both languages, resolves."""
    problems, _ = links.check_site(built_site.path, ROOT)
    assert [str(problem) for problem in problems] == []


def test_external_links_are_listed_not_fetched(built_site: BuiltSite, tmp_path: Path) -> None:
    """Every external link written in the pages appears in the report, with its pages."""
    _, external = links.check_site(built_site.path, ROOT)
    report = tmp_path / "external-links.txt"
    assert links.main([str(built_site.path), "--docs-root", str(ROOT), "--external", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    written = {
        url
        for path in (ROOT / "docs").glob("*.md")
        for url in MARKDOWN_EXTERNAL_LINK_RE.findall(path.read_text())
    }
    assert written, "the guide cites its sources: some external links are expected"
    for url in written:
        assert url in external, f"{url} missing from the report"
        assert url in text


def _fake_site(tmp_path: Path) -> tuple[Path, Path]:
    """A two-page built site with its Markdown sources, as an editor could break it."""
    docs_root = tmp_path / "repo"
    (docs_root / "docs").mkdir(parents=True)
    (docs_root / "docs" / "plan.en.md").write_text(
        "# The plan\n\nIntro.\n\nSee [the objectives](objectifs.md#missing-goals).\n\n"
        "And [the budget](budjet.md).\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    for path, body in {
        "index.html": '<h1 id="home">Accueil</h1><a href="plan/">Plan</a>',
        "plan/index.html": '<h1 id="plan">Plan</h1><a href="../#home">Accueil</a>',
        "en/objectifs/index.html": '<h1 id="objectives">Objectives</h1><h2 id="goals">Goals</h2>',
        "en/plan/index.html": '<h1 id="plan">The plan</h1><p>See <a href="../objectifs/#missing-goals">'
        'the objectives</a>. And <a href="../budjet/">the budget</a>. '
        '<a href="https://example.org/source">Source</a></p>',
    }.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return site, docs_root


def test_a_broken_anchor_names_the_file_the_line_and_the_fix(tmp_path: Path) -> None:
    """A link to a section that does not exist: the source file, its line, the missing id."""
    site, docs_root = _fake_site(tmp_path)
    problems, _ = links.check_site(site, docs_root)
    messages = [str(problem) for problem in problems]
    assert (
        "docs/plan.en.md, line 5: the link “the objectives” (../objectifs/#missing-goals) points to a "
        "section “#missing-goals” that docs/objectifs.en.md does not have." in messages[0]
    )


def test_a_link_to_a_missing_page_names_the_file_and_the_line(tmp_path: Path) -> None:
    """A link to a page that does not exist: the source file, its line, how to link."""
    site, docs_root = _fake_site(tmp_path)
    problems, external = links.check_site(site, docs_root)
    assert len(problems) == 2
    assert str(problems[1]).startswith(
        "docs/plan.en.md, line 7: the link “the budget” (../budjet/) leads to a page that does not exist."
    )
    assert external == {"https://example.org/source": ["docs/plan.en.md"]}
    assert links.main([str(site), "--docs-root", str(docs_root)]) == 1


# --- HTML validity (one Java start for the site and the broken sample) ------------

BROKEN_SAMPLE = """<!doctype html>
<html lang="fr">
<head><title>Essai</title></head>
<body>
<main>
<h1 id="essai">Essai</h1>
<p id="essai">Deux éléments portent le même id.</p>
</main>
</body>
</html>
"""


@pytest.fixture(scope="session")
def validator_run(
    built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[html_validator.Finding], Path]:
    sample = tmp_path_factory.mktemp("vnu") / "broken.html"
    sample.write_text(BROKEN_SAMPLE, encoding="utf-8")
    files = [page.path for page in built_pages(built_site.path)]
    assert len(files) >= 2 * len(page_slugs())
    return html_validator.run_validator([*files, sample], ROOT / html_validator.VNU_JAR), sample


def test_no_html_error_in_our_markup(
    validator_run: tuple[list[html_validator.Finding], Path], built_site: BuiltSite
) -> None:
    """The Nu validator finds no error in the built pages, except Material's listed ones."""
    findings, sample = validator_run
    ours = [f for f in findings if f.file != sample and not f.is_theme()]
    assert [html_validator.describe(f, built_site.path) for f in ours] == []


def test_each_listed_theme_error_still_occurs(
    validator_run: tuple[list[html_validator.Finding], Path],
) -> None:
    """An accepted theme error that no longer happens is removed from the list (and README)."""
    findings, _ = validator_run
    for known in html_validator.THEME_ERRORS:
        assert any(f.is_theme() and known.message.search(f.message) for f in findings), known.reason


def test_an_html_error_names_the_file_and_the_line(
    validator_run: tuple[list[html_validator.Finding], Path], built_site: BuiltSite
) -> None:
    """A duplicate id in a page: reported with its file, line and markup."""
    findings, sample = validator_run
    found = [html_validator.describe(f, built_site.path) for f in findings if f.file == sample]
    assert len(found) == 1
    assert found[0].startswith(f"{sample}, line 7: ")
    assert "Duplicate ID “essai”." in found[0]
    assert '<p id="essai">' in found[0]


def test_crawl_reports_links_that_leave_the_sub_path_or_fail() -> None:
    """checks/crawl.py over a served copy (here a fake server): a root-absolute link under a
    sub-path leaves the site; a missing page is broken; other hosts are only counted."""
    site = "http://host.example/guide/"
    pages = {
        site: '<a href="plan/">Plan</a><a href="/en/">English</a><a href="https://example.org/">x</a>',
        f"{site}en/": '<a href="../">Français</a><a href="missing/#x">?</a>',
        f"{site}plan/": '<link rel="stylesheet" href="../assets/a.css"><a href="../#top">Home</a>',
        f"{site}assets/a.css": "",
    }

    def fetch(url: str) -> crawl.Answer:
        if url in pages:
            kind = "text/css" if url.endswith(".css") else "text/html"
            return crawl.Answer(200, kind, pages[url].encode())
        return crawl.Answer(404, "text/html", b"<a href='/guide/'>home</a>")

    report = crawl.crawl(site, fetch)
    assert report.leaving == [f"{site}: /en/ leaves the site (→ /en/)"]
    assert report.broken == [f"{site}en/: missing/#x answers 404"]
    assert report.external == {"https://example.org/"}
    assert report.pages == 5  # the three pages and the two "not found" probes
