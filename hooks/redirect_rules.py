"""Pure checks behind hooks/redirects_i18n.py: the redirects an editor writes in
mkdocs.yml (plugins → redirects → redirect_maps) make sense for a two-language site."""

from __future__ import annotations

import re
from urllib.parse import urljoin

LOCATION = "mkdocs.yml, plugins → redirects → redirect_maps"
# A page written with its language: plan.fr.md, plan.en.md.
LANGUAGE_SUFFIX_RE = re.compile(r"\.[a-z]{2}\.md$")
# The stub page's canonical link (hooks/redirects_i18n.py, STUB), with its line.
STUB_CANONICAL_RE = re.compile(r'<link rel="canonical" href="([^"]*)">\n?')


class RedirectError(ValueError):
    """A redirect that cannot work; the message names the line and the fix."""


def check_redirects(redirects: dict[str, str], pages: set[str]) -> None:
    """Raise RedirectError for the first redirect that cannot work.

    `pages` holds the site's pages as editors name them in links: "plan.md".
    """
    for old, new in redirects.items():
        line = f"{LOCATION}, “{old}: {new}”"
        target = str(new).split("#", 1)[0]
        for name in (old, target):
            if LANGUAGE_SUFFIX_RE.search(name):
                plain = LANGUAGE_SUFFIX_RE.sub(".md", name)
                raise RedirectError(
                    f"{line}: write “{plain}”, without the language; both languages get the redirect."
                )
        if not old.endswith(".md"):
            raise RedirectError(f"{line}: the old page is a file name ending in .md, such as “budget.md”.")
        if old in pages:
            raise RedirectError(
                f"{line}: docs/{old[:-3]}.fr.md still exists; a redirect would hide it. "
                "Remove the line, or remove or rename the page."
            )
        if not target.startswith(("http://", "https://")) and target not in pages:
            raise RedirectError(
                f"{line}: the new page “{target}” does not exist. Use the name of a page in docs/, "
                "without the language, such as “plan.md”."
            )


def stub_canonical(stub: str, stub_url: str | None) -> str:
    """The stub's canonical link made absolute against its own full URL (with SITE_URL), or
    left out (without: a relative canonical link is invalid, and search engines follow the
    refresh anyway)."""
    if stub_url is None:
        return STUB_CANONICAL_RE.sub("", stub, count=1)
    return STUB_CANONICAL_RE.sub(
        lambda match: f'<link rel="canonical" href="{urljoin(stub_url, match.group(1))}">\n', stub, count=1
    )


def with_fragment_script(stub: str, script_src: str) -> str:
    """The stub loads redirect.js (a file of the site: no inline script under the CSP),
    which keeps the reader's #fragment that the meta refresh drops."""
    return stub.replace("</head>", f'<script src="{script_src}"></script>\n</head>', 1)
