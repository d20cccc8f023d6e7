"""MkDocs hook: put each fact of docs/data/facts.yml where a page writes <!-- fact: its-id -->.

A thin adapter over facts.py. The facts, and the markers in the other data files
(the glossary's texts), are checked once per build, and again when an editor saves
one of them (mkdocs serve); mkdocs-static-i18n's second language reuses them. List
this hook after the glossary's: the glossary brings its markers into the page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from data_files import body_first_line
from facts import FACTS_FILE, Fact, check_markers, load_facts, replace_markers
from site_build import data_errors_stop_the_build, editor_path, page_language

_Signature = tuple[tuple[str, int, int], ...]
_loaded: tuple[_Signature, dict[str, Fact]] | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _loaded
    data_dir = Path(config.docs_dir) / FACTS_FILE.parent
    data_files = sorted(data_dir.rglob("*.yml"))
    signature = tuple((str(p), (s := p.stat()).st_size, s.st_mtime_ns) for p in data_files)
    if _loaded is not None and _loaded[0] == signature:
        return config
    _loaded = None
    facts_path = Path(config.docs_dir) / FACTS_FILE
    with data_errors_stop_the_build():
        facts = load_facts(facts_path, editor_path(facts_path, config))
        for path in data_files:
            if path != facts_path:
                check_markers(path.read_text(encoding="utf-8"), facts, editor_path(path, config))
    _loaded = (signature, facts)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in markdown:
        return markdown
    if _loaded is None:
        raise PluginError("the facts were not loaded; is hooks/facts_hook.py listed under 'hooks:'?")
    source = editor_path(Path(page.file.abs_src_path or page.file.src_path), config)
    language = page_language(page, config)
    with data_errors_stop_the_build():
        return replace_markers(
            markdown, _loaded[1], language, source, first_line=body_first_line(page.file.content_string)
        )
