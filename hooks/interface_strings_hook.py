"""MkDocs hook: the interface strings (docs/data/strings.yml) checked once per build,
and handed to the templates as the Jinja global `ui`.

A thin adapter over interface_strings.py. A template reads its strings with plain
lookups: `ui.footer[lang.t("language")].report`. The Python hooks read the same file
through interface_strings.load_interface_strings (parsed once, again when it changes).
"""

from __future__ import annotations

import logging

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from site_build import component_strings, interface_strings

TEMPLATE_GLOBAL = "ui"
# The components that templates read, with the keys each one reads: a key missing
# from the file stops the build here, where Jinja would print nothing.
TEMPLATE_STRINGS = {
    "footer": ("publisher", "contact", "report", "subject", "colon"),  # partials/copyright.html
    "page_info": ("modified", "reviewed", "review_due"),  # partials/page-info.html
    "not_found": ("heading", "text", "home"),  # 404.html
}
log = logging.getLogger(f"mkdocs.plugins.{__name__}")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for component, keys in TEMPLATE_STRINGS.items():
        component_strings(config, component, keys)
    log.debug("interface strings: %s", ", ".join(interface_strings(config).tables))
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.globals[TEMPLATE_GLOBAL] = interface_strings(config).tables
    return env
