"""The site's boundary with Material (inventory: tests/theme-boundary.md).

Two kinds of guard, so that a Material upgrade shows what to re-check:

- each template in overrides/ that replaces one of Material's has a copy of the original
  it was written against in tests/fixtures/material-originals/ (with Material's version);
  when the installed original differs, the test prints Material's change as a diff.
  `make goldens` takes the installed originals as the new copies;
- what the site's patches rely on in Material's bundle and base template (the private
  names theme-shims.js replaces or reads, the bundle's script that hooks/strict_csp.py
  turns into a preload, the markup the hooks rewrite) is still there, as they expect it;
- outside the strict CSP unit (overrides/strict-csp/, hooks/strict_csp_hook.py and
  hooks/strict_csp.py), nothing names Material's private globals, patches a browser
  prototype or rewrites Material's files.
"""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from conftest import ROOT, Golden
from hosting_core import HREFLANG_LINK_RE, NEIGHBOUR_LINK_LINE_RE
from language_anchors import SELECTOR_LINK_RE
from strict_csp import BUNDLE_SCRIPT_RE, CONFIG_SCRIPT_RE
from strict_csp_hook import UNIT_FOLDER

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
MATERIAL_VERSION = version("mkdocs-material")
OVERRIDES = ROOT / "overrides"
# The strict CSP unit: its theme folder (on the theme's search path after overrides/), its hook
# and the hook's pure module. Only these may reach into Material's private parts.
UNIT = OVERRIDES / UNIT_FOLDER
UNIT_FILES = (UNIT, ROOT / "hooks" / "strict_csp_hook.py", ROOT / "hooks" / "strict_csp.py")
ORIGINALS = Path(__file__).parent / "fixtures" / "material-originals"
# The Material release the copies were taken from.
ORIGINALS_VERSION = ORIGINALS / "VERSION"
INVENTORY = "tests/theme-boundary.md"
# Templates of overrides/ that Material does not have: included by an override, not replacing one.
SITES_OWN_TEMPLATES = {"partials/page-info.html"}
THEME_SHIMS = UNIT / "assets" / "javascripts" / "theme-shims.js"
# A template starts with a Jinja comment that says why it exists (house style).
LEADING_COMMENT_RE = re.compile(r"\A\{#-?\s*\S.*?-?#\}", re.DOTALL)
STORAGE_HELPER_RE = re.compile(r"\b__md_[a-z]+\b")
SHIM_DEFINITION_RE = re.compile(r"window\.(__md_[a-z]+) =")
ORIGINAL_HELPER_RE = re.compile(r"\b(__md_[a-z]+)=")
BLOCK_RE = re.compile(r"{%-?\s*block\s+(\w+)")


def _theme_templates() -> dict[str, Path]:
    """Every template of the site's theme folders (overrides/, and the unit's folder in it,
    a theme folder of its own), by its path relative to the theme (partials/language.html)."""
    templates = {}
    for folder in (OVERRIDES, UNIT):
        for path in folder.rglob("*.html"):
            if folder == UNIT or UNIT not in path.parents:
                templates[path.relative_to(folder).as_posix()] = path
    return templates


def _overridden_templates() -> list[str]:
    """Every template of the site's that takes the place of one of Material's."""
    return sorted(name for name in _theme_templates() if (MATERIAL_TEMPLATES / name).is_file())


def _material_bundle() -> str:
    (bundle,) = (MATERIAL_TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js")
    return bundle.read_text(encoding="utf-8")


def _base_template() -> str:
    return (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")


OVERRIDDEN = _overridden_templates()


# --- Each overridden template against the original it was written against ------------------


def test_the_originals_were_taken_from_the_installed_material(golden: Golden) -> None:
    """A new Material release fails here once, even when no overridden template changed:
    the patches listed in the inventory must be checked against it too."""
    kept = ORIGINALS_VERSION.read_text(encoding="utf-8").strip() if ORIGINALS_VERSION.is_file() else "?"
    golden.check(
        f"{MATERIAL_VERSION}\n",
        ORIGINALS_VERSION,
        differs=(
            f"Material is now {MATERIAL_VERSION}; the overrides were checked against {kept}. Re-check every "
            f"entry of {INVENTORY} against the new release (the tests below show what changed in each "
            "overridden template), then run `make goldens` to take its originals, and commit the copies."
        ),
        labels=("checked against", "installed"),
    )


@pytest.mark.parametrize("name", OVERRIDDEN)
def test_overridden_template_was_written_against_the_installed_original(name: str, golden: Golden) -> None:
    """overrides/<name> (or overrides/strict-csp/<name>) was written against tests/fixtures/material-originals/<name>: when
    the installed Material's differs, the diff is what Material changed."""
    golden.check(
        (MATERIAL_TEMPLATES / name).read_text(encoding="utf-8"),
        ORIGINALS / name,
        differs=(
            f"Material {MATERIAL_VERSION} changed {name}: re-check our override "
            f"({_theme_templates()[name].relative_to(ROOT).as_posix()}) "
            "against this diff and carry the change over where it applies, then run `make goldens` to "
            "take the new original, and commit both:"
        ),
        labels=("the original our override follows", f"Material {MATERIAL_VERSION}"),
    )


def test_no_original_is_kept_for_a_template_no_longer_overridden() -> None:
    kept = sorted(
        path.relative_to(ORIGINALS).as_posix() for path in ORIGINALS.rglob("*.html") if path.is_file()
    )
    stale = sorted(set(kept) - set(OVERRIDDEN))
    assert stale == [], (
        "these copies have no override (or Material no longer has the template) any more: "
        f"git rm them from {ORIGINALS.relative_to(ROOT)}: {', '.join(stale)}"
    )


def test_every_template_is_compared_or_the_sites_own() -> None:
    """A template of overrides/ with no original in Material is a partial of the site's own,
    listed here; one that Material also has is compared above (the twelve partials of
    issue 18, Material's 404 page and main.html, which Material leaves empty to be replaced)."""
    assert set(_theme_templates()) - set(OVERRIDDEN) == SITES_OWN_TEMPLATES, (
        "a template with no original in the installed Material: if it is the site's own, "
        "add it to SITES_OWN_TEMPLATES; if Material removed its original, re-check the override"
    )
    assert len(OVERRIDDEN) >= 12


@pytest.mark.parametrize("path", sorted(OVERRIDES.rglob("*.html")), ids=lambda path: path.name)
def test_every_template_starts_with_a_comment_saying_why(path: Path) -> None:
    assert LEADING_COMMENT_RE.match(path.read_text(encoding="utf-8")), (
        f"{path.relative_to(ROOT)}: start it with a Jinja comment ({{#- … -#}}) that says why it exists"
    )


# --- What the patches rely on in Material's bundle and base template ------------------------


def test_the_storage_helpers_the_bundle_calls_are_those_theme_shims_defines() -> None:
    """theme-shims.js replaces Material's inline storage helpers (partials/javascripts/base.html);
    a helper the bundle calls and the shims do not define would be undefined on every page."""
    shims = set(SHIM_DEFINITION_RE.findall(THEME_SHIMS.read_text(encoding="utf-8")))
    called = set(STORAGE_HELPER_RE.findall(_material_bundle()))
    assert called, "Material's bundle no longer calls __md_get/__md_set: re-check theme-shims.js"
    assert called <= shims, (
        f"Material's bundle calls helpers theme-shims.js does not define: {called - shims}"
    )
    original = (MATERIAL_TEMPLATES / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    defined = set(ORIGINAL_HELPER_RE.findall(original))
    assert defined, "Material's partials/javascripts/base.html no longer defines __md_* helpers"
    assert defined <= shims, f"Material defines helpers theme-shims.js does not: {defined - shims}"


def test_the_palette_choice_is_stored_where_material_reads_it() -> None:
    """theme-shims.js saves the reader's palette as Material does ({index, color} under
    "__palette"), and turns transitions off with Material's data-md-color-switching."""
    bundle = _material_bundle()
    assert '__md_get("__palette")' in bundle
    assert '__md_set("__palette",' in bundle
    assert "data-md-color-switching" in bundle
    assert "data-md-color-media" in bundle


def test_the_bundle_starts_on_domcontentloaded_and_fetches_with_xmlhttprequest() -> None:
    """theme-shims.js starts the bundle after the first paint and then dispatches a copy of
    DOMContentLoaded (the bundle's one start signal); it holds back the search index by
    patching XMLHttpRequest, which the bundle uses for every download (no fetch)."""
    bundle = _material_bundle()
    assert bundle.count('"DOMContentLoaded"') == 1
    assert "new XMLHttpRequest" in bundle
    assert "fetch(" not in bundle
    assert '"search/search_index.json"' in bundle


def test_the_bundle_still_reads_the_hreflang_links_to_fetch_sitemaps() -> None:
    """theme-shims.js hides link[rel=alternate][hreflang] while Material reads them, so that
    it does not fetch "<twin page>/sitemap.xml" for each."""
    bundle = _material_bundle()
    assert '"link[rel=alternate]"' in bundle
    assert '"sitemap.xml"' in bundle


def test_the_bundle_still_has_the_keys_theme_shims_keeps_from_it() -> None:
    """theme-shims.js keeps Tab in the search field from Material's keyboard handler (a
    capture listener on window stops it) and closes the search as Material does, by a click
    on its checkbox; the menu button and the inert page behind the drawer read the drawer's
    checkbox and Material's drawer breakpoint."""
    bundle = _material_bundle()
    assert 'h(window,"keydown")' in bundle
    assert 'case"Tab":at("search",!1)' in bundle
    # The single keys theme-shims.js keeps from Material (SINGLE_KEYS).
    assert 'case"f":case"s":case"/":' in bundle
    assert 'case"p":case",":' in bundle and 'case"n":case".":' in bundle
    assert "function at(e,t){yr[e].checked!==t&&yr[e].click()}" in bundle
    (stylesheet,) = (MATERIAL_TEMPLATES / "assets" / "stylesheets").glob("main.*.min.css")
    assert "max-width:76.234375em" in stylesheet.read_text(encoding="utf-8")


def test_main_html_extends_blocks_that_base_html_has() -> None:
    base_blocks = set(BLOCK_RE.findall(_base_template()))
    for name in ("main.html", "404.html"):
        used = set(BLOCK_RE.findall((OVERRIDES / name).read_text(encoding="utf-8")))
        assert used <= base_blocks, (
            f"overrides/{name}: Material's base.html has no block {used - base_blocks}"
        )


def test_the_scripts_block_starts_with_the_bundle_as_strict_csp_expects() -> None:
    """hooks/strict_csp.py finds Material's bundle by its <script> (the first of the scripts
    block) and, with the speed switch, turns it into a preload."""
    block = _base_template().split("{% block scripts %}", 1)[1].split("{% endblock %}", 1)[0]
    first = re.fullmatch(
        r"<script src=\"\{\{ '(assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js)' \| url \}\}\">",
        block.strip().split("</script>", 1)[0],
    )
    assert first, "Material's scripts block no longer starts with its bundle: re-check hooks/strict_csp.py"
    # As a page prints it, and as hooks/strict_csp.py looks for it.
    assert BUNDLE_SCRIPT_RE.fullmatch(f'<script src="../{first.group(1)}"></script>')


def test_base_html_prints_the_markup_hosting_core_rewrites() -> None:
    """hooks/strict_csp.py rewrites Material's client configuration (__config); hooks/hosting_core.py
    drops its prev/next links and rewrites its hreflang links, by regular expressions on its markup."""
    base = _base_template()
    assert '<script id="__config" type="application/json">' in base
    assert CONFIG_SCRIPT_RE.search('<script id="__config" type="application/json">{"base": "."}</script>')
    for line in ('<link rel="prev" href="x">', '<link rel="next" href="x">'):
        assert line.split('"x"')[0] in base
        assert NEIGHBOUR_LINK_LINE_RE.fullmatch(line)
    assert '<link rel="alternate" href="{{ alt.link | url }}" hreflang="' in base
    assert HREFLANG_LINK_RE.search('<link rel="alternate" href="../en/" hreflang="en">')


def test_the_selector_links_are_printed_as_language_anchors_expects() -> None:
    """hooks/language_anchors.py marks the language selector's links in the rendered page,
    found by a regular expression on Material's partials/alternate.html markup."""
    alternate = (MATERIAL_TEMPLATES / "partials" / "alternate.html").read_text(encoding="utf-8")
    assert '<a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" class="md-select__link">' in alternate
    assert SELECTOR_LINK_RE.search('<a href="../en/" hreflang="en" class="md-select__link">')


def test_the_markup_theme_shims_waits_on_is_still_printed() -> None:
    """theme-shims.js starts the search index when the reader reaches .md-search or the
    header's search button (label[for=__search]), and reads .md-header's colour."""
    header = (MATERIAL_TEMPLATES / "partials" / "header.html").read_text(encoding="utf-8")
    assert '{% set class = "md-header" %}' in header
    assert '<label class="md-header__button md-icon" for="__search">' in header
    assert 'type="checkbox" id="__search"' in _base_template()
    assert 'class="md-search"' in (OVERRIDES / "partials" / "search.html").read_text(encoding="utf-8")


# --- Only the strict CSP unit reaches into Material's private parts ------------------------

# Names of Material's private globals, a browser prototype patched, Material's files rewritten.
PRIVATE_REACH = {
    "a private Material global": re.compile(r"__md_\w+|__config\b|\bdocument\$"),
    "a patched browser prototype": re.compile(
        r"\.prototype(?:\.\w+)*\s*=(?!=)|defineProperty\(\s*[\w.]+\.prototype|__proto__"
    ),
    "Material's bundle rewritten": re.compile(
        r"allFunctionsCalledOnLoad|data-md-bundle|\bbundle\\?\.(?:\[0-9a-f\]|[0-9a-f]{8})|super\(\)\s*(?:\.split|\|\s*replace)"
    ),
}
# Found outside the unit, each while another branch owns the file; an entry that no longer
# matches fails too, so that it is removed once the file is fixed.
PENDING: set[tuple[str, str]] = set()


def _outside_the_unit() -> list[Path]:
    files = [*(ROOT / "hooks").rglob("*"), *OVERRIDES.rglob("*")]
    return sorted(
        path
        for path in files
        if path.is_file()
        and path.suffix in {".py", ".js", ".html", ".css", ".yml"}
        and not any(path == unit or unit in path.parents for unit in UNIT_FILES)
        and "vendor" not in path.relative_to(ROOT).parts
    )


def test_only_the_strict_csp_unit_reaches_into_materials_private_parts() -> None:
    """Outside overrides/strict-csp/, hooks/strict_csp_hook.py and hooks/strict_csp.py, no file of
    hooks/ or overrides/ (templates included) names __md_*, __config or document$, patches a
    prototype, or rewrites Material's bundle or a block's output."""
    found = []
    pending_seen = set()
    for path in _outside_the_unit():
        name = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for what, pattern in PRIVATE_REACH.items():
                for match in pattern.finditer(line):
                    if (name, match.group(0)) in PENDING:
                        pending_seen.add((name, match.group(0)))
                    else:
                        found.append(f"{name}:{number}: {what} ({match.group(0)}): {line.strip()}")
    assert found == [], (
        "move it into the strict CSP unit (tests/theme-boundary.md), or drop it:\n" + "\n".join(found)
    )
    assert pending_seen == PENDING, f"fixed: remove from PENDING {PENDING - pending_seen}"


def test_the_unit_is_on_the_theme_search_path_after_overrides() -> None:
    """The hook inserts overrides/strict-csp/ after the custom_dir, before Material: its partials
    take the place of Material's, and overrides/ could still take theirs."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    import strict_csp_hook

    strict_csp_hook.on_config(config)
    dirs = [Path(d).resolve() for d in config.theme.dirs]
    assert dirs.index(UNIT.resolve()) == dirs.index(OVERRIDES.resolve()) + 1
    assert dirs.index(UNIT.resolve()) < dirs.index(MATERIAL_TEMPLATES.resolve())
    assert config.extra["strict_csp"] == {"speed": True}


# --- Another plugin's internals ---------------------------------------------------------------


def test_mkdocs_redirects_still_reads_what_redirects_i18n_sets() -> None:
    """hooks/redirects_i18n.py replaces the plugin's `doc_pages` and `redirects` after its
    on_files, and its module's HTML_TEMPLATE; on_post_build must still write from them."""
    import mkdocs_redirects.plugin as redirects_plugin

    post_build = inspect.getsource(redirects_plugin.RedirectPlugin.on_post_build)
    assert "self.redirects.items()" in post_build
    assert "self.doc_pages" in post_build
    assert "HTML_TEMPLATE.format(url=" in inspect.getsource(redirects_plugin.write_html)
    assert list(inspect.signature(redirects_plugin.get_html_path).parameters) == [
        "path",
        "use_directory_urls",
    ]
