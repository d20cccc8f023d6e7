"""Templates call no Python methods (`.get(…)`, `.items()`, `.split(…)`): filters and plain
lookups do the same, and a stricter template engine reads them too (MiniJinja, under
Material's successor Zensical, stops at a method call; house style, "Templates").

Each template of overrides/ and hooks/templates/ is parsed by Jinja, and every call of
an attribute (`x.name(…)`) is reported with its line, except calls of macros (a template
imported with `{% import … as x %}` is not a Python object) and the few allowed below,
each with why.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from conftest import ROOT

TEMPLATE_FOLDERS = ("overrides", "hooks/templates")
TEMPLATE_SUFFIXES = {".html", ".j2", ".jinja"}
# Macro modules every template sees without importing them itself.
MATERIAL_MACRO_MODULES = {
    # Material's base.html: {% import "partials/language.html" as lang with context %}; lang.t() is a macro.
    "lang",
}
# (template, method): why it stays. Empty: overrides/main.html's split of the scripts block
# went with the strict CSP unit (hooks/strict_csp.py preloads the bundle in the built page).
ALLOWED_METHOD_CALLS: dict[tuple[str, str], str] = {}


def method_calls(source: str) -> list[tuple[int, str]]:
    """(line, "name.method") of each call of an attribute that is not a macro, in a template."""
    tree = jinja2.Environment().parse(source)
    macro_modules = MATERIAL_MACRO_MODULES | {node.target for node in tree.find_all(nodes.Import)}
    found = []
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Getattr):
            continue
        owner = call.node.node
        if isinstance(owner, nodes.Name) and owner.name in macro_modules:
            continue
        owner_text = owner.name if isinstance(owner, nodes.Name) else "(…)"
        found.append((call.lineno, f"{owner_text}.{call.node.attr}"))
    return sorted(found)


def _templates() -> list[Path]:
    return sorted(
        path
        for folder in TEMPLATE_FOLDERS
        for path in (ROOT / folder).rglob("*")
        if path.suffix in TEMPLATE_SUFFIXES and "assets" not in path.relative_to(ROOT).parts
    )


@pytest.mark.parametrize(
    ("source", "calls"),
    [
        ("{{ corrections.get(key, {}).get(other) }}", [(1, "(…).get"), (1, "corrections.get")]),
        ("{% for k, v in data.items() %}{{ k }}{% endfor %}", [(1, "data.items")]),
        ('{% set a, b = super().split("</script>", 1) %}', [(1, "(…).split")]),
        ("{{ config.repo_url.rstrip('/') }}", [(1, "(…).rstrip")]),
        ("\n{% set _ = palettes.append(1) %}", [(2, "palettes.append")]),
    ],
)
def test_method_calls_are_found(source: str, calls: list[tuple[int, str]]) -> None:
    """Calls on a name or on any expression, with their line."""
    assert method_calls(source) == calls


def test_filters_lookups_and_macros_are_not_method_calls() -> None:
    """Filters, subscripts, tests, super(), Material's lang.t() and imported macros pass."""
    source = (
        '{% import "partials/languages/en.html" as fallback %}'
        '{{ (config.repo_url | trim("/")) ~ report[:7] }}{{ own[key] if key in own else "" }}'
        '{{ lang.t("search") or fallback.t("search") }}{{ super() }}'
        "{% set found = namespace(items=[]) %}{% set found.items = found.items + [1] %}"
    )
    assert method_calls(source) == []


@pytest.mark.parametrize("template", _templates(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_templates_call_no_methods(template: Path) -> None:
    """No method call outside ALLOWED_METHOD_CALLS."""
    name = template.relative_to(ROOT).as_posix()
    calls = method_calls(template.read_text(encoding="utf-8"))
    unexpected = [
        f"{name}:{line}: {call}(…): use a filter or a plain lookup instead"
        for line, call in calls
        if (name, call.rsplit(".", 1)[1]) not in ALLOWED_METHOD_CALLS
    ]
    assert unexpected == []


def test_every_allowed_call_is_still_there() -> None:
    """An allowance whose call is gone goes too, so the list stays the list of what is left."""
    for name, method in ALLOWED_METHOD_CALLS:
        calls = method_calls((ROOT / name).read_text(encoding="utf-8"))
        assert any(call.endswith(f".{method}") for _, call in calls), f"{name}: no .{method}() any more"


def test_the_template_folders_are_read() -> None:
    """The templates the site renders are all found (the check would pass on no files)."""
    names = {path.relative_to(ROOT).as_posix() for path in _templates()}
    assert {
        "overrides/main.html",
        "overrides/partials/language.html",
        "hooks/templates/checklist.html",
    } <= names
