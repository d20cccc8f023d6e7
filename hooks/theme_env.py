"""Pure helpers behind hooks/theme_env_hook.py: the theme's Jinja environment, set up
faster for each build without changing what it renders.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds
once per language, so each of Material's templates was parsed and compiled twice per
build, and again on every rebuild of `mkdocs serve` (40 % of a rebuild's time); and
MkDocs lists every file of the theme to find its static files, Material's 14,000
icons included (another tenth).
"""

from __future__ import annotations

import hashlib
import os

import jinja2
from jinja2.bccache import Bucket


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process.

    Jinja checks each entry against its template's source (a checksum) and compiles the
    template again when the source changed, so an edited override is never served stale.
    Environments that compile a template differently (`compile_settings`, read when the
    template is loaded) never share an entry.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        settings = repr(compile_settings(environment)).encode()
        key = f"{self.get_cache_key(name, filename)}-{hashlib.sha1(settings, usedforsecurity=False).hexdigest()}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def compile_settings(env: jinja2.Environment) -> tuple[object, ...]:
    """What decides the code Jinja compiles a template to."""
    return (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        tuple(sorted(env.extensions)),
        # Jinja checks filter and test names when it compiles.
        tuple(sorted(env.filters)),
        tuple(sorted(env.tests)),
        env.optimized,
        env.finalize is not None,
        env.autoescape if isinstance(env.autoescape, bool) else "callable",
        env.is_async,
        env.code_generator_class,
    )


class VisibleFilesLoader(jinja2.FileSystemLoader):
    """A file system loader that does not list files in hidden folders (".icons").

    MkDocs only lists a theme's files to copy its static ones, and drops every path
    with a part that starts with a dot; walking Material's `.icons` (14,000 files) only
    to drop them took a tenth of a build. Templates are still found by name anywhere.
    """

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                folder = os.path.relpath(dirpath, searchpath)
                for filename in filenames:
                    path = filename if folder == os.curdir else os.path.join(folder, filename)
                    found.add(path.replace(os.path.sep, "/"))
        return sorted(found)
