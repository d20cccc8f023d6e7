"""axe-core (WCAG 2.2 A and AA) on every built page in both languages, in one
browser; and proof that the check catches what an editor can break."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from checks.pages import line_of
from conftest import (
    COLOUR_RULES,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    ROOT,
    AxeProblem,
    axe_problems,
    axe_violations,
    page_path,
    page_slugs,
)

# In an element's HTML: an image's file, a link's target, or its text.
SOURCE_HINT_RE = re.compile(r'(?:src|href)="(?:[./]*)([^"#]*?)/?(#[^"]*)?"|>([^<]{4,40})<')


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_no_accessibility_violation(page: Page, site_url: str, lang: str, scheme: str) -> None:
    """Zero axe-core violations at WCAG 2.2 A/AA on every page of this language.
    The dark colour scheme (the reader's system setting) changes only colours, so
    there axe runs only its colour rules: half the time, same coverage."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    found: list[str] = []
    checked = 0
    # Every page, then the "page not found" page of this language.
    pages = [(f"docs/{slug}.{lang}.md", page_path(slug, lang)) for slug in page_slugs()]
    for source, path in [*pages, (f"the {lang} 404 page", "404.html")]:
        page.goto(f"{site_url}{prefix}{path}")
        rules = COLOUR_RULES if scheme == "dark" else None
        found += [_where(source, problem, scheme) for problem in axe_problems(page, rules=rules)]
        checked += 1
    assert checked == len(page_slugs()) + 1
    assert found == [], "accessibility problems (fix the page named first):\n" + "\n".join(found)


def _where(source: str, problem: AxeProblem, scheme: str, root: Path = ROOT) -> str:
    """The source file and, when the element's text or target is found there, its line."""
    needles = [part for match in SOURCE_HINT_RE.finditer(problem.html) for part in match.groups() if part]
    line = line_of(root / source, *needles) if source.startswith("docs/") else None
    where = f"{source}, line {line}" if line else source
    return f"{where} ({scheme}) → {problem}"


def test_missing_alt_text_is_reported(context: BrowserContext) -> None:
    """An image without alt text fails, and the message names the image."""
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="fr"><head><title>Essai</title></head>'
        '<body><main><h1>Essai</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
        'class="sans-texte"></main></body></html>'
    )
    found = axe_violations(page)
    assert len(found) == 1
    assert "Images must have alternative text [image-alt, critical]" in found[0]
    assert 'class="sans-texte"' in found[0]


def test_a_problem_in_a_page_names_its_source_line(tmp_path: Path) -> None:
    """A link told apart by colour only: the Markdown file and the line that holds the link."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.fr.md").write_text(
        "# Le plan\n\nIntro.\n\nPrévoyez un [budget](plan.md#budget) réaliste.\n", encoding="utf-8"
    )
    problem = AxeProblem(
        "http://127.0.0.1/plan/",
        "link-in-text-block",
        "serious",
        "Links must be distinguishable without relying on color",
        'a[href$="#budget"]',
        '<a href="#budget">budget</a>',
    )
    assert _where("docs/plan.fr.md", problem, "light", tmp_path).startswith(
        "docs/plan.fr.md, line 5 (light) → http://127.0.0.1/plan/: Links must be distinguishable"
    )
