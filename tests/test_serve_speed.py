"""What makes `mkdocs serve` rebuild fast changes nothing in the site: the theme's
environment (hooks/theme_env.py, theme_env_hook.py) and the watcher (hooks/live_reload.py).
The time itself is measured by tests/bench/bench_serve.py, not here."""

from __future__ import annotations

import threading
from pathlib import Path
from unittest import mock

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files

import live_reload
import theme_env_hook
from conftest import CONFIG_FILE, build_site, linked_project
from theme_env import MemoryBytecodeCache, VisibleFilesLoader, compile_settings

SPEED_HOOKS = ("hooks/theme_env_hook.py", "hooks/live_reload.py")


def _theme_files(loader: jinja2.FileSystemLoader) -> list[str]:
    config = load_config(str(CONFIG_FILE))
    files = Files([])
    files.add_files_from_theme(jinja2.Environment(loader=loader), config)
    return [file.src_uri for file in files]


def test_theme_files_are_the_same_without_walking_hidden_folders() -> None:
    """MkDocs copies the same static files of the theme; Material's icons are not listed."""
    dirs = load_config(str(CONFIG_FILE)).theme.dirs
    listed = VisibleFilesLoader(dirs).list_templates()
    assert any(name.startswith(".icons/") for name in jinja2.FileSystemLoader(dirs).list_templates())
    assert not any(part.startswith(".") for name in listed for part in name.split("/"))
    assert "partials/header.html" in listed
    copied = _theme_files(VisibleFilesLoader(dirs))
    assert any(name.startswith("assets/javascripts/") for name in copied)
    assert copied == _theme_files(jinja2.FileSystemLoader(dirs))


def test_compiled_templates_are_reused_and_never_stale(tmp_path: Path) -> None:
    """A second environment loads the compiled template; an edited template is compiled again."""
    template = tmp_path / "page.html"
    template.write_text("Bonjour {{ name }}", encoding="utf-8")
    cache = MemoryBytecodeCache()

    def environment() -> jinja2.Environment:
        return jinja2.Environment(loader=VisibleFilesLoader(str(tmp_path)), bytecode_cache=cache)

    assert environment().get_template("page.html").render(name="Ana") == "Bonjour Ana"
    reused = environment()
    with mock.patch.object(reused, "_compile", side_effect=AssertionError("compiled again")):
        assert reused.get_template("page.html").render(name="Ana") == "Bonjour Ana"
    template.write_text("Salut {{ name }}", encoding="utf-8")
    assert environment().get_template("page.html").render(name="Ana") == "Salut Ana"


def test_environments_that_compile_differently_do_not_share_code(tmp_path: Path) -> None:
    """trim_blocks or an extension added after the environment was made: compiled apart."""
    (tmp_path / "page.html").write_text("{% if true %}\nA{% endif %}|{{ x }}", encoding="utf-8")
    cache = MemoryBytecodeCache()

    def render(**options: object) -> str:
        env = jinja2.Environment(loader=VisibleFilesLoader(str(tmp_path)), bytecode_cache=cache, **options)  # type: ignore[arg-type]
        return env.get_template("page.html").render(x="<b>")

    assert render() == "\nA|<b>"
    assert render(trim_blocks=True) == "A|<b>"
    assert render(autoescape=True) == "\nA|&lt;b&gt;"
    assert render() == "\nA|<b>"
    assert compile_settings(jinja2.Environment()) == compile_settings(jinja2.Environment())
    later = jinja2.Environment()
    settings = compile_settings(later)
    later.add_extension("jinja2.ext.loopcontrols")  # as mkdocs-static-i18n does in on_env
    assert compile_settings(later) != settings


def test_hook_gives_every_build_of_the_theme_the_faster_environment() -> None:
    config = load_config(str(CONFIG_FILE))
    theme_env_hook.on_config(config)
    wrapped = config.theme.get_env
    theme_env_hook.on_config(config)  # mkdocs-static-i18n: once more per language
    assert config.theme.get_env is wrapped
    first, second = config.theme.get_env(), config.theme.get_env()
    assert isinstance(first.loader, VisibleFilesLoader)
    assert isinstance(first.bytecode_cache, MemoryBytecodeCache)
    assert second.bytecode_cache is first.bytecode_cache


def test_the_site_is_the_same_to_the_byte_without_the_speed_hooks(tmp_path: Path) -> None:
    """The hooks only change how long a build takes: every file is identical without them."""
    text = CONFIG_FILE.read_text(encoding="utf-8")
    hooks = [f"  - {hook}\n" for hook in SPEED_HOOKS]
    assert all(hook in text for hook in hooks), f"mkdocs.yml lists {', '.join(SPEED_HOOKS)}"
    without = text
    for hook in hooks:
        without = without.replace(hook, "")
    sites = {}
    for name, config_text in (("with", text), ("without", without)):
        sites[name] = tmp_path / name / "site"
        assert build_site(sites[name], linked_project(tmp_path / name, config_text)) == []
    with_hooks = {
        p.relative_to(sites["with"]): p.read_bytes() for p in sites["with"].rglob("*") if p.is_file()
    }
    plain = {
        p.relative_to(sites["without"]): p.read_bytes() for p in sites["without"].rglob("*") if p.is_file()
    }
    assert sorted(with_hooks) == sorted(plain)
    assert [str(path) for path in with_hooks if with_hooks[path] != plain[path]] == []


@pytest.mark.browser  # it starts MkDocs' live-reload server: left out of `make check`
def test_watcher_polls_faster_and_still_sees_a_save(tmp_path: Path) -> None:
    """The same files are watched, five times as often, and a save still starts a rebuild."""
    rebuilt = threading.Event()
    server = LiveReloadServer(builder=rebuilt.set, host="127.0.0.1", port=0, root=str(tmp_path))
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "page.md"
    page.write_text("Avant\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\n", encoding="utf-8")
    server.watch(str(docs))
    server.watch(str(config))
    watched = sorted((e.watch.raw_path, e.watch.is_recursive) for e in server.observer.emitters)

    served = live_reload.on_serve(server, config=mock.Mock(), builder=mock.Mock())

    assert served is server
    assert server.observer.timeout == live_reload.POLL_SECONDS < 0.5
    assert sorted((e.watch.raw_path, e.watch.is_recursive) for e in server.observer.emitters) == watched
    # The emitters take their first look at the files inside observer.start(): once it has
    # returned, a save is a change.
    watching = threading.Event()
    start = server.observer.start
    server.observer.start = lambda: (start(), watching.set())  # type: ignore[method-assign]
    loop = threading.Thread(target=server.serve, daemon=True)
    loop.start()
    try:
        assert watching.wait(timeout=30), "the watcher did not start"
        page.write_text("Après\n", encoding="utf-8")
        assert rebuilt.wait(timeout=30), "the save did not start a rebuild"
    finally:
        server.shutdown(wait=True)
        loop.join(timeout=30)
