"""Unit tests for hooks/strict_csp.py (the strict CSP unit's pure functions), no MkDocs build."""

from __future__ import annotations

import hashlib
import json

import pytest

from hosting_core import SITE_ROOT_MARKER, HostingError
from strict_csp import (
    COMPILE_HINT,
    bundle_script_reference,
    mark_client_config_root,
    preload_bundle,
    rebase_client_config,
    with_compile_hint,
)

BUNDLE = '"use strict";(()=>{var a=1;})();\n//# sourceMappingURL=bundle.a5f9d56c.min.js.map\n'
BUNDLE_MAP = json.dumps(
    {"version": 3, "file": "bundle.a5f9d56c.min.js", "sources": ["a.ts"], "mappings": "AAAA,CAAC"}
)


def _config_script(config: dict[str, object]) -> str:
    return f'<script id="__config" type="application/json">{json.dumps(config, ensure_ascii=False)}</script>'


def _config_of(html: str) -> object:
    return json.loads(html.split(">", 1)[1].split("</script>", 1)[0])


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


def test_preload_bundle_turns_materials_script_only_into_the_preload() -> None:
    """Material's bundle <script>, as its base.html prints it; not its name quoted in the
    page's text, not its search worker, not our scripts."""
    html = (
        '<p><code>"assets/javascripts/bundle.12345678.min.js"</code></p>'
        '<script src="assets/javascripts/theme-shims.a35dc8ae.js"></script>'
        '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '"worker":"../assets/javascripts/workers/search.2c215733.min.js"'
    )
    assert bundle_script_reference(html) == "../assets/javascripts/bundle.a5f9d56c.min.js"
    assert preload_bundle(html, "../assets/javascripts/bundle.0123abcd.min.js") == html.replace(
        '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>',
        '<link rel="preload" as="script" fetchpriority="low" data-md-bundle'
        ' href="../assets/javascripts/bundle.0123abcd.min.js">',
    )
    assert bundle_script_reference(html.replace("bundle.", "app.")) is None


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


def test_mark_client_config_root_marks_the_configs_base_and_search() -> None:
    """Material's base and search worker paths from the root get the marker; the rest stays."""
    html = _config_script({"base": "/", "search": "/assets/w.js", "version": "/v", "x": "é"})
    assert _config_of(mark_client_config_root(html)) == {
        "base": SITE_ROOT_MARKER,
        "search": f"{SITE_ROOT_MARKER}assets/w.js",
        "version": "/v",
        "x": "é",
    }
    assert '"é"' in mark_client_config_root(html)


@pytest.mark.parametrize(
    "value", ["..", "//cdn.example.org/w.js", 3], ids=["relative", "other-host", "number"]
)
def test_mark_client_config_root_leaves_a_config_value_not_from_the_root(value: object) -> None:
    """A relative path, another host's address or a value that is not text stays as it is."""
    html = _config_script({"base": value, "search": value})
    assert _config_of(mark_client_config_root(html)) == {"base": value, "search": value}


def test_mark_client_config_root_changes_the_first_config_only() -> None:
    """Only Material's configuration, the first such script, is marked."""
    html = _config_script({"base": "/"}) + _config_script({"base": "/"})
    assert mark_client_config_root(html) == _config_script({"base": SITE_ROOT_MARKER}) + _config_script(
        {"base": "/"}
    )


@pytest.mark.parametrize(
    ("base", "expected"),
    [("enX", "enX/en/"), ("/enX/", "/enX/en/"), ("/guides/X/", "/guides/X/en/")],
)
def test_rebase_client_config_tells_the_folder_from_one_named_alike(base: str, expected: str) -> None:
    """A folder whose name only starts like the language's, or ends in an X, is another folder."""
    assert _config_of(rebase_client_config(_config_script({"base": base}), "en")) == {"base": expected}


def test_preload_bundle_turns_the_first_bundle_script_only() -> None:
    """A page has one bundle script; were there a second, it would stay a script."""
    script = '<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    html = preload_bundle(script + script, "x.js")
    assert html == (
        '<link rel="preload" as="script" fetchpriority="low" data-md-bundle href="x.js">' + script
    )
