"""Safe YAML reading shared by the data hooks (checklists, glossary): the data and
the node tree it came from, so that messages can name the line to fix."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser when PyYAML has it (several times faster), with the same safe constructor.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BaseLoader):  # type: ignore[valid-type, misc]
    """The safe loader, except that a date that does not exist (2027-02-30) stays the
    text written, for the data's checks to report with its line, not a traceback."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


class DuplicateKeyError(ValueError):
    """A key given twice in one mapping: YAML would let the second silently win."""

    def __init__(self, key: object, line: int) -> None:
        super().__init__(f"the key '{key}' appears twice")
        self.key = key
        self.line = line


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document safely, once; raises yaml.YAMLError on bad YAML."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def key_lines(node: yaml.Node | None) -> dict[tuple[Any, ...], int]:
    """Line (from 1) of every value by its path in the data; a key's path gives the
    key's own line. Raises DuplicateKeyError for a key given twice in one mapping."""
    lines: dict[tuple[Any, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[Any, ...]) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            seen: set[object] = set()
            for key_node, value_node in node.value:
                key = key_node.value
                if key in seen:
                    raise DuplicateKeyError(key, key_node.start_mark.line + 1)
                seen.add(key)
                walk(value_node, (*path, key))
                lines[(*path, key)] = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                walk(child, (*path, index))

    if node is not None:
        walk(node, ())
    return lines
