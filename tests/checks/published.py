"""Redirect guard: every address ever published keeps working.

    python -m checks.published site/     problems, then exit 1 if any

tests/checks/published-urls.txt lists every page address the site has published, one per
line, in both languages. A built site must still answer at each of them, with the
page or with a redirect (mkdocs.yml, plugins → redirects → redirect_maps). A new
page's address is added to the list, so that it cannot disappear later either.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checks.pages import DEFAULT_LANGUAGE, LANGUAGES, built_pages

PUBLISHED_URLS = Path(__file__).with_name("published-urls.txt")
LIST_NAME = "tests/checks/published-urls.txt"


def read_published(path: Path = PUBLISHED_URLS) -> list[str]:
    """The addresses in the list: "/plan/", "/en/plan/"; blank lines and # comments skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def built_urls(site_dir: Path) -> list[str]:
    """The page addresses of a built site (redirect stubs included), as the list writes them."""
    pages = built_pages(site_dir, include_redirects=True)
    return [f"/{page.url}" for page in pages if page.url == "" or page.url.endswith("/")]


def _slug(url: str) -> tuple[str, str]:
    """("en", "plan") for "/en/plan/"; ("fr", "index") for "/"."""
    parts = url.strip("/").split("/")
    if parts[0] in LANGUAGES and parts[0] != DEFAULT_LANGUAGE:
        return parts[0], "/".join(parts[1:]) or "index"
    return DEFAULT_LANGUAGE, "/".join(parts) or "index"


def disappeared(published: list[str], built: list[str]) -> list[str]:
    """An editor's message for each published address the built site no longer answers."""
    present = set(built)
    messages = []
    for url in published:
        if url in present:
            continue
        language, slug = _slug(url)
        messages.append(
            f"{url} was published, but the site no longer has it (was it docs/{slug}.{language}.md?). "
            f"Readers and search engines still use this address. In mkdocs.yml, under plugins → "
            f"redirects → redirect_maps, add a line “{slug}.md: new-page.md” that sends it to the page "
            "that replaces it."
        )
    return messages


def unlisted(published: list[str], built: list[str]) -> list[str]:
    """An editor's message for each built address missing from the list (a new page)."""
    known = set(published)
    return [
        f"{url} is a new address: add the line “{url}” to {LIST_NAME}, so that it cannot "
        "disappear later without a redirect."
        for url in built
        if url not in known
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.published", description=__doc__.split("\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site (make build writes site/)")
    args = parser.parse_args(argv)
    published, built = read_published(), built_urls(args.site_dir)
    problems = disappeared(published, built) + unlisted(published, built)
    for problem in problems:
        print(f"{LIST_NAME}: {problem}", file=sys.stderr)
    print(f"{len(published)} published addresses; {len(problems)} problems.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
