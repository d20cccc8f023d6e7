"""The pull request's preview comment: a link to each changed page, in both languages.

    PYTHONPATH=tests:hooks python -m checks.preview_links --base origin/main --url https://example.github.io/guide/pr-preview/pr-12/
    PYTHONPATH=tests:hooks python -m checks.preview_links --base origin/main --download https://github.com/o/r/actions/runs/1

With --url (the preview is published there), each changed page gets its French and its
English address. Without it (no GitHub Pages preview: the site is a run artifact), each
gets the file to open in the unzipped offline copy, and --download says where to get it.
A page changed in one language only gets the translation parity warning (checks.parity).
An English page's address comes from `slug:` in its front matter, as the build reads it.
Prints Markdown (GitHub's comment and job summary); --output writes it to a file too.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from checks.pages import DEFAULT_LANGUAGE, DOCS_DIR, LANGUAGES
from checks.parity import PAGE_RE, ParityError, changed_files, unpaired_changes
from page_addresses import front_matter_slug  # the build's own reading (hooks/ on the path)

# Marks the comment, so that the workflow updates it instead of adding one per push.
MARKER = "<!-- page-preview -->"
LANGUAGE_LABELS = {"fr": "Français", "en": "English"}
# The offline copy unzips to this folder (Makefile, OFFLINE_NAME).
OFFLINE_FOLDER = "social-media-guide"
# Read as hooks/page_addresses.py reads it for the build: YAML between --- lines at the top.
# Files outside the pages that can change what several pages show.
SHARED_SOURCES = ("docs/", "overrides/", "hooks/", "mkdocs.yml")
MAX_OTHER_FILES = 10


@dataclass(frozen=True)
class ChangedPage:
    """A page (both languages) with at least one of its files changed."""

    name: str  # "plan": docs/plan.<lang>.md
    addresses: dict[str, str]  # language → path below the site root, for the files that exist
    changed: tuple[str, ...]  # languages whose file changed


def page_address(repo: Path, name: str, lang: str) -> str:
    """The page's path below the site root: "" (French home), "plan/", "en/relevance/"."""
    slug = None
    if lang != DEFAULT_LANGUAGE:
        source = repo / DOCS_DIR / f"{name}.{lang}.md"
        slug = front_matter_slug(str(source), source.read_text(encoding="utf-8"))
    path = "" if name == "index" else f"{slug or name}/"
    return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"


def changed_pages(repo: Path, changed: list[str]) -> list[ChangedPage]:
    """The pages among `changed` (repository paths), with the address of each language that exists."""
    by_name: dict[str, set[str]] = {}
    for path in changed:
        match = PAGE_RE.match(path)
        if match:
            by_name.setdefault(match.group("slug"), set()).add(match.group("lang"))
    pages = []
    for name, langs in sorted(by_name.items()):
        addresses = {
            lang: page_address(repo, name, lang)
            for lang in LANGUAGES
            if (repo / DOCS_DIR / f"{name}.{lang}.md").is_file()
        }
        pages.append(ChangedPage(name, addresses, tuple(lang for lang in LANGUAGES if lang in langs)))
    return pages


def _link(address: str, url: str | None) -> str:
    if url is None:
        return f"`{OFFLINE_FOLDER}/{address}index.html`"
    target = f"{url.rstrip('/')}/{address}"
    return f"[/{address}]({target})"


def comment(repo: Path, changed: list[str], url: str | None, download: str | None) -> str:
    """The Markdown comment for the changed files `changed`."""
    pages = changed_pages(repo, changed)
    existing = {p for p in changed if (repo / p).is_file()} | {
        f"{DOCS_DIR}/{page.name}.{lang}.md" for page in pages for lang in page.addresses
    }
    lines = [MARKER, "### Preview of the changed pages", ""]
    if url is not None:
        lines.append(f"The whole site: {url}")
    else:
        where = f"[the run's artifacts]({download})" if download else "the run's artifacts"
        lines.append(
            f"No published preview: download **site-preview** from {where}, unzip it, then open these files."
        )
    lines.append("")
    if pages:
        lines += ["| Page | " + " | ".join(LANGUAGE_LABELS[lang] for lang in LANGUAGES) + " |"]
        lines += ["| --- |" + " --- |" * len(LANGUAGES)]
        for page in pages:
            cells = []
            for lang in LANGUAGES:
                if lang not in page.addresses:
                    cells.append("removed" if lang in page.changed else "missing")
                else:
                    mark = "" if lang in page.changed else " (unchanged)"
                    cells.append(_link(page.addresses[lang], url) + mark)
            lines.append(f"| `{DOCS_DIR}/{page.name}.*.md` | " + " | ".join(cells) + " |")
    else:
        lines.append("No page of the guide changed.")
    others = [p for p in changed if p.startswith(SHARED_SOURCES) and not PAGE_RE.match(p)]
    if others:
        shown = ", ".join(f"`{p}`" for p in others[:MAX_OTHER_FILES])
        more = f" and {len(others) - MAX_OTHER_FILES} more" if len(others) > MAX_OTHER_FILES else ""
        lines += ["", f"Also changed, and may show on several pages: {shown}{more}."]
    unpaired = unpaired_changes(changed, existing)
    if unpaired:
        lines += ["", "> [!WARNING]", "> Changed in one language only:"]
        lines += [f"> - {item}" for item in unpaired]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checks.preview_links", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--base", default="main", help="the branch to compare with (default: main)")
    parser.add_argument("--repo", type=Path, default=Path("."), help="the repository (default: here)")
    parser.add_argument("--url", help="where the preview is published (its root, ending in /)")
    parser.add_argument("--download", help="without --url: the page where the zipped site is")
    parser.add_argument("--output", type=Path, help="also write the Markdown to this file")
    args = parser.parse_args(argv)
    try:
        changed = changed_files(args.repo, args.base)
    except ParityError as error:
        print(f"Preview links: {error}", file=sys.stderr)
        return 2
    text = comment(args.repo, changed, args.url or None, args.download or None)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
