"""Safe YAML reading shared by the data hooks (checklists, glossary): the data and
the node tree it came from, so that messages can name the line to fix."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser when PyYAML has it (several times faster), with the same safe constructor.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document safely, once; raises yaml.YAMLError on bad YAML."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node
