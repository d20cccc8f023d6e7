"""Unit tests for hooks/hosting_core.py: pure functions, no MkDocs build."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from hosting_core import (
    SITE_ROOT_MARKER,
    HostingError,
    SearchIndex,
    absolutize_hreflang,
    asset_references,
    built_asset,
    fingerprinted_name,
    mark_site_root,
    replace_asset_references,
    shipped_source,
    site_relative_link,
    split_search_index,
    without_hreflang,
    without_neighbour_links,
)

ROOT = Path(__file__).resolve().parent.parent
MIXED_INDEX = {
    "config": {"lang": ["fr", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Accueil", "text": "LinkedIn"},
        {"location": "plan/#outils", "title": "Outils", "text": "LinkedIn"},
        {"location": "en/", "title": "Home", "text": "LinkedIn"},
        {"location": "en/plan/#tools", "title": "Tools", "text": "LinkedIn"},
    ],
}


def test_split_search_index_gives_each_language_its_own_entries() -> None:
    """French entries stay in the root index; English ones move to en/, relative to it."""
    shares = split_search_index(MIXED_INDEX, ["fr", "en"], "fr")
    assert [d["location"] for d in shares["fr"].document["docs"]] == ["", "plan/#outils"]
    assert [d["location"] for d in shares["en"].document["docs"]] == ["", "plan/#tools"]


def test_split_search_index_sets_one_lunr_language_per_index() -> None:
    """Each index stems with its own language only."""
    shares = split_search_index(MIXED_INDEX, ["fr", "en"], "fr")
    assert shares["fr"].document["config"]["lang"] == ["fr"]
    assert shares["en"].document["config"]["lang"] == ["en"]
    assert shares["en"].document["config"]["separator"] == "[\\s\\-]+"


def test_split_search_index_output_is_stable() -> None:
    """The same input gives the same bytes (reproducible builds)."""
    first = split_search_index(MIXED_INDEX, ["fr", "en"], "fr")["en"].to_json()
    second = split_search_index(json.loads(json.dumps(MIXED_INDEX)), ["fr", "en"], "fr")["en"].to_json()
    assert first == second


def test_split_search_index_without_docs_names_the_file() -> None:
    """An index without entries is an error that names the file."""
    with pytest.raises(HostingError, match=r"search_index\.json"):
        split_search_index({"config": {}}, ["fr", "en"], "fr")


def test_absolutize_hreflang_resolves_against_the_page_url() -> None:
    """Relative hreflang links become full URLs; other links are left alone."""
    html = (
        '<link rel="alternate" href="../../objectifs/" hreflang="fr"><link rel="prev" href="../pertinence/">'
    )
    result = absolutize_hreflang(html, "https://intranet.example/guide/en/objectifs/")
    assert 'href="https://intranet.example/guide/objectifs/" hreflang="fr"' in result
    assert '<link rel="prev" href="../pertinence/">' in result


@pytest.mark.parametrize(
    ("link", "site_path", "expected"),
    [
        ("/", "/", ""),  # the French home page, as mkdocs-static-i18n writes it
        ("/en/", "/", "en/"),
        ("/guides/sm/en/", "/guides/sm/", "en/"),  # with SITE_URL under a sub-path
        ("/guides/sm", "/guides/sm/", "guides/sm"),  # not below the site's path: kept relative
        ("en/plan/", "/", "en/plan/"),  # a twin's page: already relative to the site
        ("https://example.org/en/", "/", "https://example.org/en/"),
    ],
)
def test_site_relative_link_never_starts_from_the_hosts_root(
    link: str, site_path: str, expected: str
) -> None:
    """MkDocs' url filter then makes it relative to each page: no link leaves a sub-path."""
    assert site_relative_link(link, site_path) == expected


def test_without_hreflang_drops_only_the_hreflang_links() -> None:
    html = (
        '<head>\n    <link rel="alternate" href="./" hreflang="fr">\n'
        '    <link rel="alternate" href="en/" hreflang="x-default">\n    <link rel="prev" href="../">\n</head>'
        '<a href="en/" hreflang="en" class="md-select__link">English</a>'
    )
    assert without_hreflang(html) == (
        '<head>\n    <link rel="prev" href="../">\n</head><a href="en/" hreflang="en" class="md-select__link">English</a>'
    )


def test_without_neighbour_links_drops_rel_prev_and_next_only() -> None:
    """Firefox prefetches rel="next" against the CSP: both head links go, the footer's stay."""
    html = (
        '<head>\n    <link rel="canonical" href="https://example.org/plan/">\n'
        '        <link rel="prev" href="../ecoute/">\n        <link rel="next" href="../regles/">\n</head>'
        '<a href="../regles/" class="md-footer__link md-footer__link--next" rel="next">'
    )
    assert without_neighbour_links(html) == (
        '<head>\n    <link rel="canonical" href="https://example.org/plan/">\n</head>'
        '<a href="../regles/" class="md-footer__link md-footer__link--next" rel="next">'
    )


def test_fingerprinted_name_uses_the_content_hash() -> None:
    """Same content, same name; different content, different name."""
    assert fingerprinted_name("theme-shims.js", b"a") == "theme-shims.ca978112.js"
    assert fingerprinted_name("theme-shims.js", b"b") != fingerprinted_name("theme-shims.js", b"a")


def test_asset_references_skips_fingerprinted_and_foreign_files() -> None:
    """Only the site's own unhashed scripts and stylesheets are listed, once each."""
    html = (
        '<script src="../assets/javascripts/theme-shims.js"></script>'
        '<script src="../assets/javascripts/theme-shims.js" data-md-run="palette"></script>'
        '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '<link rel="stylesheet" href="../assets/stylesheets/checklist.css">'
        '<a href="../assets/notes.txt">'
    )
    assert asset_references(html) == [
        "../assets/javascripts/theme-shims.js",
        "../assets/stylesheets/checklist.css",
    ]


def test_replace_asset_references_swaps_every_occurrence() -> None:
    """Each reference to a file points at its fingerprinted twin."""
    html = '<script src="a/assets/x.js"></script><script src="a/assets/x.js" data-md-run="content"></script>'
    assert (
        replace_asset_references(html, {"a/assets/x.js": "a/assets/x.12345678.js"}).count("x.12345678.js")
        == 2
    )


def test_built_asset_finds_the_sites_own_files_only(tmp_path: Path) -> None:
    """A reference from a page, relative or from the host's root under the site's path,
    names a built file; another host's file or a path outside the site names none."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "a.js").write_text("", encoding="utf-8")
    page_dir = site / "en" / "plan"
    assert built_asset("../../assets/a.js", page_dir, site, "/guide/") == site / "assets" / "a.js"
    assert built_asset("/guide/assets/a.js", page_dir, site, "/guide/") == site / "assets" / "a.js"
    assert built_asset("/other/assets/a.js", page_dir, site, "/guide/") is None
    assert built_asset("https://cdn.example.org/assets/a.js", page_dir, site, "/") is None
    assert built_asset("../../assets/missing.js", page_dir, site, "/") is None


def test_search_index_json_is_compact_sorted_and_keeps_accents() -> None:
    """The index is written in one form: no spaces, keys sorted, "é" as itself."""
    index = SearchIndex("fr", {"docs": [{"title": "Délai", "location": ""}], "config": {"lang": ["fr"]}})
    assert index.to_json() == '{"config":{"lang":["fr"]},"docs":[{"location":"","title":"Délai"}]}'


def test_split_search_index_names_each_share_by_its_language() -> None:
    """Each share knows its language."""
    shares = split_search_index(MIXED_INDEX, ["fr", "en"], "fr")
    assert [(lang, share.language) for lang, share in shares.items()] == [("fr", "fr"), ("en", "en")]


def test_split_search_index_without_a_config_still_sets_the_language() -> None:
    """An index with no config gets one that names its language only."""
    shares = split_search_index({"docs": []}, ["fr", "en"], "fr")
    assert shares["en"].document == {"config": {"lang": ["en"]}, "docs": []}


def test_split_search_index_error_starts_with_the_file() -> None:
    """The message starts with the file, then says what is missing."""
    with pytest.raises(HostingError, match=r"^search/search_index\.json: no 'docs' list"):
        split_search_index({}, ["fr", "en"], "fr")


def test_replace_asset_references_leaves_other_references() -> None:
    """A reference that has no new name stays as written."""
    html = '<script src="a/assets/y.js"></script>'
    assert replace_asset_references(html, {"a/assets/x.js": "a/assets/x.12345678.js"}) == html


def test_mark_site_root_marks_paths_from_the_hosts_root() -> None:
    """href="/…" and src="/…" get the marker; "//host", relative and full addresses do not."""
    html = (
        '<a href="/plan/">p</a><img src="/assets/i.png">'
        '<a href="//cdn.example.org/x">c</a><a href="plan/">r</a><a href="https://example.org/">e</a>'
    )
    assert mark_site_root(html) == (
        f'<a href="{SITE_ROOT_MARKER}plan/">p</a><img src="{SITE_ROOT_MARKER}assets/i.png">'
        '<a href="//cdn.example.org/x">c</a><a href="plan/">r</a><a href="https://example.org/">e</a>'
    )


def test_mark_site_root_leaves_other_attributes() -> None:
    """Only href and src are addresses: data-href="/x" stays."""
    html = '<div data-x="/x" xhref="/y"></div>'
    assert mark_site_root(html) == html


def test_shipped_source_minifies_a_script_and_keeps_its_licence() -> None:
    """Comments go (on their own lines or after code) and the spaces between tokens; a
    licence (`/*! … */`) and text that only looks like a comment (in a string) stay."""
    script = (
        "/*\n * Why this file exists.\n */\n(function () {\n  // why this line\n"
        '  var url = "https://example.org/"; // after code\n'
        "  /* one line */\n  var a = 1; /* inside */ var b = 2;\n/*! licence */\n})();\n"
    )
    assert shipped_source("x.js", script) == (
        '(function(){var url="https://example.org/";var a=1;var b=2;/*! licence */})();'
    )


def test_shipped_source_in_a_stylesheet_keeps_double_slashes() -> None:
    """In CSS `//` is no comment; `/* … */` goes, and the spaces; other files stay as they are."""
    css = "/* Why. */\n.a {\n  background: url(//x/y.png);\n  /* why */\n  color: red;\n}\n"
    assert shipped_source("x.css", css) == ".a{background:url(//x/y.png);color:red}"
    assert shipped_source("x.svg", css) == css


def test_shipped_source_keeps_the_spaces_that_are_part_of_a_string() -> None:
    """Spaces inside a string, a line continued by a backslash or a template literal stay
    (in CSS the backslash and newline of a continued string are no part of it: they go)."""
    continued = '.a::after {\n  content: "one \\\n    two";\n}\n'
    assert shipped_source("x.css", continued) == '.a::after{content:"one     two"}'
    assert shipped_source("x.js", '  var s = "a \\\n  b";\n') == 'var s="a \\\n  b";'
    assert (
        shipped_source("x.js", "var s = `a\n  b  ${ c }`;\n  var t = 1;\n")
        == "var s=`a\n  b  ${ c }`;var t=1;"
    )


SITE_SCRIPTS = sorted(
    path
    for folder in ("overrides/assets/javascripts", "overrides/strict-csp/assets/javascripts")
    for path in (ROOT / folder).glob("*.js")
)
# The tokens of a script (comments left out), by the parser ESLint uses.
TOKENS = """
const espree = require("espree");
const text = require("fs").readFileSync(0, "utf8");
const tokens = espree.tokenize(text, { ecmaVersion: "latest", range: false });
process.stdout.write(JSON.stringify(tokens.map((t) => [t.type, t.value])));
"""


@pytest.mark.npm
@pytest.mark.parametrize("path", SITE_SCRIPTS, ids=lambda path: path.name)
def test_each_site_script_ships_the_same_tokens(path: Path) -> None:
    """Each of the site's own scripts as shipped has the same tokens, strings and template
    literals included, as its source: dropping comments and indentation changed no code."""
    node = shutil.which("node")
    assert node, "Node.js is needed (make install-npm)"
    source = path.read_text(encoding="utf-8")

    def tokens(text: str) -> str:
        result = subprocess.run(
            [node, "-e", TOKENS], input=text, capture_output=True, text=True, check=True,
            cwd=ROOT / "tests", timeout=60,
        )  # fmt: skip
        return result.stdout

    shipped = shipped_source(path.name, source)
    assert len(shipped) < len(source)
    assert tokens(shipped) == tokens(source)


def test_shipped_source_keeps_a_stylesheet_s_licence() -> None:
    """A stylesheet's `/*! licence */` stays, as a script's does; other comments go."""
    css = "/*! licence */\n/* why */\n.a {\n  color: red;\n}\n"
    assert shipped_source("x.css", css) == "/*! licence */.a{color:red}"
