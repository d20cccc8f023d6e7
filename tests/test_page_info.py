"""On every page: "last modified" from Git in the page's language, "edit this page",
and "report a problem"; and no Git history means no date, never a failed build."""

from __future__ import annotations

import logging
import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, BuiltSite, build_site, linked_project, page_path, page_slugs
from page_dates import describe, last_changes

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
}
LABELS = {"fr": "Dernière modification\u00a0:", "en": "Last modified:"}


def _soup(built_site: BuiltSite, lang: str, slug: str) -> BeautifulSoup:
    return BeautifulSoup(built_site.page(lang, slug).read_text(encoding="utf-8"), "html.parser")


# --- The built pages ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_committed_page_shows_its_last_change(built_site: BuiltSite, lang: str) -> None:
    """A page Git knows shows that date, in the page's language, in a <time> element."""
    known = last_changes(ROOT, "docs")  # empty in a copy without Git history: then no page has a date
    shown = 0
    for slug in page_slugs():
        when = known.get(f"docs/{slug}.{lang}.md")
        info = _soup(built_site, lang, slug).select_one(".mdx-page-info")
        if when is None:  # a page not committed yet shows no date
            assert info is None
            continue
        assert info is not None, f"docs/{slug}.{lang}.md: no 'last modified' line"
        # Spaces and line breaks collapse; the no-break space before the French colon stays.
        assert re.sub(r"[ \n]+", " ", info.get_text()).strip().startswith(LABELS[lang])
        time = info.select_one("time")
        assert time is not None and time["datetime"] == when.isoformat()
        assert time.get_text(strip=True) == describe(when, lang).text
        shown += 1
    assert shown == sum(f"docs/{slug}.{lang}.md" in known for slug in page_slugs())


# --- Links to the repository: from REPO_URL, never a made-up address ------------------

REPOSITORY_SETTINGS = ("REPO_URL", "EDIT_URI", "BRAND_REPORT_PROBLEM", "BRAND_CONTACT_EMAIL")
NO_REPOSITORY_NOTE = "REPO_URL is not set: the pages link to no repository"


def _links(site: Path, lang: str, slug: str) -> tuple[str | None, str | None, str | None]:
    """(header's repository link, "edit this page", "report a problem") of one built page."""
    folder = (site if lang == "fr" else site / lang) / page_path(slug, lang)
    soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = [
        soup.select_one(selector)
        for selector in ("a.md-source", "a.md-content__button[rel=edit]", ".mdx-brand__report a")
    ]
    return tuple(str(tag["href"]) if tag is not None else None for tag in found)  # type: ignore[return-value]


@pytest.fixture
def no_repository_settings(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for variable in REPOSITORY_SETTINGS:
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


def test_without_repo_url_no_page_links_to_a_repository(built_site: BuiltSite) -> None:
    """The default build (no REPO_URL, no report address): none of the three links, anywhere."""
    if any(os.environ.get(variable) for variable in REPOSITORY_SETTINGS):
        pytest.fail(f"run the suite without {', '.join(REPOSITORY_SETTINGS)} set")
    for lang in LANGUAGES:
        for slug in page_slugs():
            assert _links(built_site.path, lang, slug) == (None, None, None), f"docs/{slug}.{lang}.md"
    assert not [p for p in built_site.path.rglob("*.html") if "github.com" in p.read_text(encoding="utf-8")]


def test_without_repo_url_the_build_says_so_once(
    tmp_path: Path, no_repository_settings: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """One information line (not a warning: the build is strict); a contact address still
    gives "report a problem"."""
    no_repository_settings.setenv("BRAND_CONTACT_EMAIL", "web@example.org")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert build_site(tmp_path / "site") == []
    notes = [r for r in caplog.records if r.getMessage().startswith(NO_REPOSITORY_NOTE)]
    assert [note.levelno for note in notes] == [logging.INFO]
    assert "Report a problem" not in notes[0].getMessage()
    header, edit, report = _links(tmp_path / "site", "en", "plan")
    assert (header, edit) == (None, None)
    assert report is not None and report.startswith("mailto:web@example.org?subject=")


def test_with_repo_url_every_page_links_to_its_file(
    tmp_path: Path, no_repository_settings: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """REPO_URL set: the header links to it, "edit this page" opens the page's own file,
    "report a problem" goes to its issues; nothing said about a missing REPO_URL."""
    repo = "https://git.example.org/web/guide"
    no_repository_settings.setenv("REPO_URL", repo)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert build_site(tmp_path / "site") == []
    assert not [r for r in caplog.records if r.getMessage().startswith(NO_REPOSITORY_NOTE)]
    for lang in LANGUAGES:
        for slug in page_slugs():
            assert _links(tmp_path / "site", lang, slug) == (
                repo,
                f"{repo}/edit/main/docs/{slug}.{lang}.md",
                f"{repo}/issues",
            ), f"docs/{slug}.{lang}.md"
    # The edit button speaks the page's language (the default build has none to check).
    for lang, label in (("fr", "Modifier cette page"), ("en", "Edit this page")):
        html = (tmp_path / "site" / ("" if lang == "fr" else lang) / "plan" / "index.html").read_text(
            encoding="utf-8"
        )
        assert f'title="{label}" class="md-content__button' in html


# --- Dates from Git (pure helpers) -----------------------------------------------------


def test_dates_are_written_in_each_language() -> None:
    """Canadian French and Canadian English long dates; "1er" for the first of the month."""
    assert describe(date(2026, 11, 23), "fr").text == "23 novembre 2026"
    assert describe(date(2026, 11, 23), "en").text == "November 23, 2026"
    assert describe(date(2026, 11, 1), "fr").text == "1er novembre 2026"
    assert describe(date(2026, 11, 1), "en").iso == "2026-11-01"


def test_a_language_without_a_regional_locale_is_written_in_that_language() -> None:
    """A language the guide has no regional locale for still gets its own words."""
    assert describe(date(2026, 11, 3), "es").text == "3 de noviembre de 2026"


def _commit(repo: Path, path: str, text: str, when: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "add", path], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", path], cwd=repo, check=True, env=env)


def test_last_change_of_each_file(tmp_path: Path) -> None:
    """Each file gets the date of the last commit that touched it."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _commit(tmp_path, "docs/plan.fr.md", "a", "2025-03-01T12:00:00+00:00")
    _commit(tmp_path, "docs/plan.en.md", "a", "2025-04-02T12:00:00+00:00")
    _commit(tmp_path, "docs/plan.fr.md", "b", "2026-01-15T12:00:00+00:00")
    assert last_changes(tmp_path, "docs") == {
        "docs/plan.fr.md": date(2026, 1, 15),
        "docs/plan.en.md": date(2025, 4, 2),
    }


def test_no_git_repository_means_no_dates(tmp_path: Path) -> None:
    """A copy without .git (a downloaded archive): no dates, no error."""
    (tmp_path / "docs").mkdir()
    assert last_changes(tmp_path, "docs") == {}


def test_a_shallow_clone_gives_no_wrong_dates(tmp_path: Path) -> None:
    """A depth-1 clone sees its one commit as creating every file: no dates rather than wrong ones."""
    origin = tmp_path / "origin"
    origin.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=origin, check=True)
    _commit(origin, "docs/plan.fr.md", "a", "2025-03-01T12:00:00+00:00")
    _commit(origin, "docs/plan.en.md", "a", "2026-02-01T12:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert last_changes(clone, "docs") == {}


def test_a_copy_without_git_builds_strictly_without_dates(tmp_path: Path) -> None:
    """Outside any Git repository the strict build passes, and pages show no date."""
    site = tmp_path / "site"
    assert build_site(site, config_file=linked_project(tmp_path / "project")) == []
    page = site / "en" / "plan" / "index.html"
    assert "mdx-page-info" not in page.read_text(encoding="utf-8")
    assert "md-copyright" in page.read_text(encoding="utf-8")
