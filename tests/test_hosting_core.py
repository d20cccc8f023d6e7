"""Unit tests for hooks/hosting_core.py: pure functions, no MkDocs build."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from hosting_core import (
    COMPILE_HINT,
    SITE_ROOT_MARKER,
    HostingError,
    SearchIndex,
    absolutize_hreflang,
    asset_references,
    built_asset,
    fingerprinted_name,
    mark_site_root,
    material_bundle_reference,
    rebase_client_config,
    replace_asset_references,
    site_relative_link,
    split_search_index,
    with_compile_hint,
    without_hreflang,
    without_neighbour_links,
)

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


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("../..", "../../en/"),
        ("..", "../en/"),
        ("/", "/en/"),
        ("/guides/x/", "/guides/x/en/"),
        ("../en/", "../en/"),
    ],
)
def test_rebase_client_config_points_at_the_language_root(base: str, expected: str) -> None:
    """Material's __config.base moves to the language's folder, once."""
    html = f'<script id="__config" type="application/json">{json.dumps({"base": base, "x": 1})}</script>'
    rebased = rebase_client_config(html, "en")
    config = json.loads(rebased.split(">", 1)[1].rsplit("<", 1)[0])
    assert config == {"base": expected, "x": 1}


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


BUNDLE = '"use strict";(()=>{var a=1;})();\n//# sourceMappingURL=bundle.a5f9d56c.min.js.map\n'
BUNDLE_MAP = json.dumps(
    {"version": 3, "file": "bundle.a5f9d56c.min.js", "sources": ["a.ts"], "mappings": "AAAA,CAAC"}
)


def test_with_compile_hint_puts_the_hint_first_under_a_new_fingerprint() -> None:
    """The hint is the first line; the name changes with the content and keeps its shape."""
    hinted = with_compile_hint("bundle.a5f9d56c.min.js", BUNDLE, BUNDLE_MAP)
    assert hinted.script.startswith(COMPILE_HINT + '"use strict";')
    assert hinted.name == f"bundle.{hashlib.sha256((COMPILE_HINT + BUNDLE).encode()).hexdigest()[:8]}.min.js"
    assert with_compile_hint("bundle.a5f9d56c.min.js", BUNDLE + " ", BUNDLE_MAP).name != hinted.name


def test_with_compile_hint_shifts_the_source_map_by_one_line() -> None:
    """The map's mappings start one line later, and script and map name each other."""
    hinted = with_compile_hint("bundle.a5f9d56c.min.js", BUNDLE, BUNDLE_MAP)
    source_map = json.loads(hinted.source_map or "")
    assert source_map["mappings"] == ";AAAA,CAAC"
    assert source_map["file"] == hinted.name
    assert hinted.script.endswith(f"//# sourceMappingURL={hinted.name}.map\n")
    assert hinted.source_map_name == f"{hinted.name}.map"


def test_with_compile_hint_without_a_source_map_names_none() -> None:
    """A script shipped without its map no longer points at one."""
    hinted = with_compile_hint("bundle.a5f9d56c.min.js", BUNDLE, None)
    assert hinted.source_map is None
    assert "sourceMappingURL" not in hinted.script


def test_with_compile_hint_needs_a_fingerprinted_name() -> None:
    """The new name replaces a fingerprint: a name without one is an error that says so."""
    with pytest.raises(HostingError, match=r"bundle\.min\.js: expected a fingerprinted script name"):
        with_compile_hint("bundle.min.js", BUNDLE, None)


def test_material_bundle_reference_finds_the_preload_only() -> None:
    """Material's bundle, as overrides/main.html preloads it; not its name quoted in the
    page's text, not its search worker, not our scripts."""
    html = (
        '<p><code>"assets/javascripts/bundle.12345678.min.js"</code></p>'
        '<script src="assets/javascripts/theme-shims.a35dc8ae.js"></script>'
        '<link rel="preload" as="script" data-md-bundle href="../assets/javascripts/bundle.a5f9d56c.min.js">'
        '"worker":"../assets/javascripts/workers/search.2c215733.min.js"'
    )
    assert material_bundle_reference(html) == "../assets/javascripts/bundle.a5f9d56c.min.js"
    assert material_bundle_reference(html.replace("bundle.", "app.")) is None


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


def _config_script(config: dict[str, object]) -> str:
    return f'<script id="__config" type="application/json">{json.dumps(config, ensure_ascii=False)}</script>'


def _config_of(html: str) -> object:
    return json.loads(html.split(">", 1)[1].split("</script>", 1)[0])


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


@pytest.mark.parametrize("config", [{}, {"base": ""}, {"base": "."}], ids=["none", "empty", "dot"])
def test_rebase_client_config_from_the_site_root_gives_the_folder(config: dict[str, object]) -> None:
    """A base at the site's own root (absent, "" or ".") becomes the bare folder "en/"."""
    assert _config_of(rebase_client_config(_config_script(config), "en")) == {"base": "en/"}


def test_rebase_client_config_leaves_a_base_already_in_the_folder() -> None:
    """A base that is the language's folder itself is not rebased twice."""
    assert _config_of(rebase_client_config(_config_script({"base": "en/"}), "en")) == {"base": "en/"}


def test_rebase_client_config_keeps_accents_as_written() -> None:
    """Material's strings keep their accents, not \\u escapes."""
    rebased = rebase_client_config(_config_script({"base": "..", "translations": {"x": "Effacé"}}), "en")
    assert '"Effacé"' in rebased


def test_rebase_client_config_changes_the_first_config_only() -> None:
    """Only Material's configuration, the first such script, is rebased."""
    html = _config_script({"base": ".."}) + _config_script({"base": ".."})
    assert rebase_client_config(html, "en") == _config_script({"base": "../en/"}) + _config_script(
        {"base": ".."}
    )


def test_replace_asset_references_leaves_other_references() -> None:
    """A reference that has no new name stays as written."""
    html = '<script src="a/assets/y.js"></script>'
    assert replace_asset_references(html, {"a/assets/x.js": "a/assets/x.12345678.js"}) == html


def test_with_compile_hint_without_a_source_map_drops_its_line_only() -> None:
    """Without a map, the script is the hint and the script, less the map's line, under its new name."""
    hinted = with_compile_hint("bundle.a5f9d56c.min.js", BUNDLE, None)
    assert hinted.script == COMPILE_HINT + '"use strict";(()=>{var a=1;})();\n\n'
    assert hinted.name == f"bundle.{hashlib.sha256((COMPILE_HINT + BUNDLE).encode()).hexdigest()[:8]}.min.js"


def test_with_compile_hint_writes_the_map_compact_with_accents() -> None:
    """The new map is compact JSON that keeps non-ASCII names as written."""
    source_map = json.dumps({"version": 3, "names": ["é"], "mappings": "AAAA"})
    hinted = with_compile_hint("bundle.a5f9d56c.min.js", BUNDLE, source_map)
    assert hinted.source_map == f'{{"version":3,"names":["é"],"mappings":";AAAA","file":"{hinted.name}"}}'


def test_with_compile_hint_map_without_mappings_starts_one_line_down() -> None:
    """A map with no mappings gets ";" only: one empty line, for the hint."""
    hinted = with_compile_hint("bundle.a5f9d56c.min.js", BUNDLE, json.dumps({"version": 3}))
    assert json.loads(hinted.source_map or "")["mappings"] == ";"


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


def test_mark_site_root_marks_the_configs_base_and_search() -> None:
    """Material's base and search worker paths from the root get the marker; the rest stays."""
    html = _config_script({"base": "/", "search": "/assets/w.js", "version": "/v", "x": "é"})
    assert _config_of(mark_site_root(html)) == {
        "base": SITE_ROOT_MARKER,
        "search": f"{SITE_ROOT_MARKER}assets/w.js",
        "version": "/v",
        "x": "é",
    }
    assert '"é"' in mark_site_root(html)


@pytest.mark.parametrize(
    "value", ["..", "//cdn.example.org/w.js", 3], ids=["relative", "other-host", "number"]
)
def test_mark_site_root_leaves_a_config_value_not_from_the_root(value: object) -> None:
    """A relative path, another host's address or a value that is not text stays as it is."""
    html = _config_script({"base": value, "search": value})
    assert _config_of(mark_site_root(html)) == {"base": value, "search": value}


def test_mark_site_root_changes_the_first_config_only() -> None:
    """Only Material's configuration, the first such script, is marked."""
    html = _config_script({"base": "/"}) + _config_script({"base": "/"})
    assert mark_site_root(html) == _config_script({"base": SITE_ROOT_MARKER}) + _config_script({"base": "/"})
