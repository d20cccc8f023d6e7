"""Host it anywhere: real nginx with the shipped configuration and its strict CSP, real
Apache with the shipped .htaccess (answering as nginx does), an intranet sub-path with
non-default branding, and the offline copy opened from file://.

Every browser test fails on a Content-Security-Policy violation (recorded by an init
script of the test, not of the site), a console error, a failed request or a request
to another host."""

from __future__ import annotations

import gzip
import json
import os
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen

import material as material_theme
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from playwright.sync_api import BrowserContext, Page, expect

import local_apache
from checks.crawl import crawl
from checks.pages import is_redirect
from conftest import (
    ALSO_IN_FIREFOX,
    ROOT,
    SPEED_SWITCH,
    BuiltSite,
    Traffic,
    build_site,
    page_slugs,
    record_traffic,
    search_results_for,
    wait_for_material,
    wait_until_settled,
)
from local_nginx import SHIPPED_CONFIG, serve
from offline_copy import make_offline_copy
from strict_csp import COMPILE_HINT, with_compile_hint

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Every security header the shipped configurations send, whole: nginx.conf, .htaccess,
# README's table and the running servers are all held to this one list.
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
        "payment=(), usb=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
NOT_SECURITY = {"Cache-Control"}
HTACCESS = ROOT / ".ci" / "hosting" / ".htaccess"
SUB_PATH = "/guides/social-media/"
BRANDING = {
    "SITE_URL": f"https://intranet.example{SUB_PATH}",
    "REPO_URL": "https://git.intranet.example/web/guide",
    "BRAND_ORGANIZATION": "Ville d’Exemple",
    "BRAND_ORGANIZATION_EN": "City of Example",
    "BRAND_CONTACT_EMAIL": "web@intranet.example",
    "BRAND_REPORT_PROBLEM": "https://intranet.example/report",
    "BRAND_PRIMARY": "#1a4b8c",
    "BRAND_ACCENT": "#8c1a4b",
    "BRAND_LOGO": "tests/fixtures/brand-logo.svg",
}
# A word that both languages' pages use: a mixed index would answer in both.
SHARED_WORD = "LinkedIn"
FINGERPRINT = r"\.[0-9a-f]{8}(\.min)?\.(js|css)$"

RECORD_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__testRecordViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


# --- Builds --------------------------------------------------------------------------


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    with mock.patch.dict(os.environ, values):
        yield


@pytest.fixture(scope="module")
def branded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built with non-default branding, for https://intranet.example/guides/social-media/."""
    site = tmp_path_factory.mktemp("branded") / "site"
    with _environment(**BRANDING):
        assert build_site(site) == []
    return site


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy as `make offline` makes it, unzipped as a reader would."""
    dist = tmp_path_factory.mktemp("dist")
    with zipfile.ZipFile(make_offline_copy(dist)) as zipped:
        zipped.extractall(dist / "unzipped")
    return dist / "unzipped" / "social-media-guide"


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _page_files(soup: BeautifulSoup) -> list[str]:
    """The scripts (Material's bundle included, a preload) and stylesheets a page loads."""
    return [tag["src"] for tag in soup.select("script[src]")] + [
        tag["href"] for tag in soup.select("link[rel=stylesheet], link[rel=preload]")
    ]


def test_two_builds_are_byte_identical(built_site: BuiltSite, tmp_path: Path) -> None:
    """Same commit, two builds: every file (sitemap.xml.gz and search indexes too) is identical."""
    again = tmp_path / "again"
    build_site(again)
    first = {
        p.relative_to(built_site.path): p.read_bytes() for p in built_site.path.rglob("*") if p.is_file()
    }
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [str(path) for path in first if first[path] != second[path]] == []


def test_each_language_has_its_own_search_index(built_site: BuiltSite) -> None:
    """/search/ holds French entries only, /en/search/ English ones, each pointing at its own pages."""
    for lang, folder in (("fr", built_site.path), ("en", built_site.path / "en")):
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        assert len(index["docs"]) > 10
        for entry in index["docs"]:
            location = entry["location"].split("#")[0]
            assert not location.startswith("en/"), entry["location"]
            assert (folder / location / "index.html").is_file() or (folder / location).is_file(), location


def test_search_results_show_the_checklist_items_text_not_their_tags(built_site: BuiltSite) -> None:
    """A checklist item's "Essentiel" / "Essential" tag is left out of the search index
    (data-search-exclude): a result's snippet is the item's own text."""
    for lang, folder, tag, item in (
        (
            "fr",
            built_site.path,
            "Essentiel",
            "Nous avons mis par écrit ce que nous attendons des médias sociaux.",
        ),
        ("en", built_site.path / "en", "Essential", "We have written down what we want from social media."),
    ):
        texts = [
            entry["text"]
            for entry in json.loads((folder / "search" / "search_index.json").read_text("utf-8"))["docs"]
        ]
        assert any(item in text for text in texts), (lang, item)
        assert [text for text in texts if re.search(rf"\b{tag}\b", text)] == []


def test_each_language_page_loads_its_own_search_index(built_site: BuiltSite) -> None:
    """Material's __config.base is the language's root, where its search index lives."""
    for lang, html in (("fr", built_site.page("fr", "plan")), ("en", built_site.page("en", "plan"))):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        config = json.loads(soup.select_one("#__config").string)
        base = urljoin(f"file://{html}", config["base"])
        expected = built_site.path if lang == "fr" else built_site.path / "en"
        assert Path(urlsplit(base).path) == expected


def test_each_language_has_its_own_404_page(built_site: BuiltSite) -> None:
    """/404.html is French, /en/404.html English, each says so in its language, and each
    selector offers the two home pages, from the site's root as the server rewrites it."""
    headings = {"fr": "Page introuvable", "en": "Page not found"}
    for lang, page in (("fr", built_site.path / "404.html"), ("en", built_site.path / "en" / "404.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang
        assert soup.select_one("article h1").get_text(strip=True) == headings[lang]
        assert soup.title.get_text(strip=True).startswith(headings[lang])
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
        assert links == {"fr": "/./", "en": "/./en/"}
        # Every path from the host's root carries the mark (.ci/hosting/nginx.conf, sub_filter).
        assert [ref for ref in _page_files(soup) if not ref.startswith("/./")] == []


def test_pages_have_no_inline_script_style_or_handler(built_site: BuiltSite) -> None:
    """Strict CSP: every script is a file (or JSON data), no style attributes, no on* handlers."""
    problems = []
    for html in _html_files(built_site.path):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        where = html.relative_to(built_site.path)
        for script in soup.find_all("script"):
            if not script.get("src") and script.get("type") != "application/json":
                problems.append(f"{where}: inline script {str(script)[:80]}")
        problems += [f"{where}: <style> element" for _ in soup.find_all("style")]
        for tag in soup.find_all(True):
            for attribute in tag.attrs:
                if attribute == "style" or attribute.startswith("on"):
                    problems.append(f"{where}: {attribute}= on <{tag.name}>")
    assert problems == []


def test_pages_ask_for_no_prefetch_of_the_next_page(built_site: BuiltSite) -> None:
    """No <link rel="next"> or rel="prev">: Firefox would prefetch the next page on every
    view, and the CSP (default-src 'none') blocks that with a violation. The footer links stay."""
    problems = []
    for html in _html_files(built_site.path):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        where = html.relative_to(built_site.path)
        problems += [
            f"{where}: {link}" for link in soup.select("link[rel=next], link[rel=prev], link[rel=prefetch]")
        ]
    assert problems == []
    footer = BeautifulSoup(built_site.page("fr", "preparation").read_text("utf-8"), "html.parser")
    assert footer.select_one("a.md-footer__link--next")["href"] == "../a-propos/", "the footer still links it"


@pytest.mark.speed_switch
def test_page_is_drawn_before_any_script_file_runs(built_site: BuiltSite) -> None:
    """Every script file in <body> is async, except the small theme tasks that must run
    in place, after the page's text; Material's bundle is a low-priority preload that
    theme-shims.js runs."""
    problems = []
    for html in _html_files(built_site.path):
        if is_redirect(html):  # a stub at an old address (redirects_i18n.py): no script at all
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert soup.body is not None
        for script in soup.body.select("script[src]"):
            if not script.has_attr("async") and not script.has_attr("data-md-run"):
                problems.append(f"{html.relative_to(built_site.path)}: {script['src']}")
            # One before the text made Chromium draw the header alone, then the text.
            if not script.has_attr("async") and script.find_previous("article") is None:
                problems.append(f"{html.relative_to(built_site.path)}: {script['src']} before the text")
        assert not soup.select("script[src*='bundle.']"), html
        preloads = soup.body.select("link[rel=preload][data-md-bundle]")
        assert [(p["as"], p["fetchpriority"]) for p in preloads] == [("script", "low")], html
        href = preloads[0]["href"]  # absolute on the 404 pages, which answer at any depth
        bundle = built_site.path / href.lstrip("/") if href.startswith("/") else html.parent / href
        assert bundle.resolve().is_file(), (html, href)
        assert bundle.read_text(encoding="utf-8").startswith(COMPILE_HINT), (html, href)
        # Nothing of the template's own shows as text: <body> holds elements only.
        stray = [text.strip() for text in soup.body.find_all(string=True, recursive=False) if text.strip()]
        assert stray == [], (html, stray)
    assert problems == []


@pytest.mark.speed_switch
def test_material_bundle_ships_once_with_the_compile_hint_and_its_map(built_site: BuiltSite) -> None:
    """Material's bundle is shipped once, hinted, under a new fingerprint; no page needs
    the original. Its source map is shifted by the hint's line."""
    material = Path(material_theme.__file__).parent / "templates" / "assets" / "javascripts"
    [original] = material.glob("bundle.*.min.js")
    expected = with_compile_hint(
        original.name,
        original.read_text(encoding="utf-8"),
        original.with_name(f"{original.name}.map").read_text(encoding="utf-8"),
    )
    shipped = built_site.path / "assets" / "javascripts"
    assert sorted(p.name for p in shipped.glob("bundle.*")) == [expected.name, expected.source_map_name]
    assert (shipped / expected.name).read_text(encoding="utf-8") == expected.script
    assert (shipped / expected.source_map_name).read_text(encoding="utf-8") == expected.source_map


def test_material_loads_as_the_speed_switch_says(built_site: BuiltSite) -> None:
    """extra.strict_csp.speed (hooks/strict_csp_hook.py): on, Material's bundle is a preload of
    a hinted copy that theme-shims.js starts, the palette toggle is the site's; off, every page
    loads Material's own bundle and palette component, as Material ships them."""
    material = Path(material_theme.__file__).parent / "templates" / "assets" / "javascripts"
    [original] = material.glob("bundle.*.min.js")
    shipped = sorted(p.name for p in (built_site.path / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert (original.name in shipped) != SPEED_SWITCH, shipped
    for lang in ("fr", "en"):
        soup = BeautifulSoup(built_site.page(lang, "objectifs").read_text("utf-8"), "html.parser")
        [head_script] = soup.head.select("script[src*='theme-shims.']")
        assert head_script.has_attr("data-md-speed") == SPEED_SWITCH
        assert bool(soup.select("link[rel=preload][data-md-bundle]")) == SPEED_SWITCH
        assert bool(soup.select(f"script[src$='/{original.name}']")) != SPEED_SWITCH
        assert bool(soup.select("form[data-md-component=palette]")) != SPEED_SWITCH
        assert bool(soup.select("script[data-md-run=palette]")) != SPEED_SWITCH


def test_own_scripts_and_stylesheets_are_fingerprinted(built_site: BuiltSite) -> None:
    """Every script and stylesheet a page loads has a content hash in its name (long caching)."""
    html = built_site.page("fr", "preparation").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    refs = _page_files(soup)
    assert len(refs) >= 4
    assert [ref for ref in refs if not re.search(FINGERPRINT, ref)] == []


def test_branding_is_applied_under_a_sub_path(branded_site: Path) -> None:
    """Organization, contact, report address, logo, colours, repository and absolute hreflang."""
    french = BeautifulSoup((branded_site / "objectifs" / "index.html").read_text("utf-8"), "html.parser")
    english = BeautifulSoup(
        (branded_site / "en" / "objectives" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert "Publié par Ville d’Exemple" in french.select_one(".md-copyright").get_text(" ", strip=True)
    assert "Published by City of Example" in english.select_one(".md-copyright").get_text(" ", strip=True)
    assert french.select_one(".mdx-brand__contact a")["href"] == "mailto:web@intranet.example"
    assert english.select_one(".mdx-brand__report a")["href"] == "https://intranet.example/report"
    assert french.select_one(".md-logo img")["src"] == "../assets/images/brand-logo.svg"
    assert (branded_site / "assets" / "images" / "brand-logo.svg").is_file()
    assert french.body["data-md-color-primary"] == "custom"
    brand_css = [link["href"] for link in french.select("link[rel=stylesheet]") if "brand." in link["href"]]
    assert len(brand_css) == 1
    assert "#1a4b8c" in (branded_site / "objectifs" / brand_css[0]).resolve().read_text("utf-8")
    assert french.select_one("a.md-source")["href"] == BRANDING["REPO_URL"]
    hreflang = {link["hreflang"]: link["href"] for link in english.select("link[rel=alternate][hreflang]")}
    assert hreflang == {
        "fr": f"{BRANDING['SITE_URL']}objectifs/",
        "en": f"{BRANDING['SITE_URL']}en/objectives/",
        "x-default": f"{BRANDING['SITE_URL']}objectifs/",
    }
    for page in ("404.html", "en/404.html"):
        not_found = BeautifulSoup((branded_site / page).read_text("utf-8"), "html.parser")
        assert not_found.select_one("link[rel=stylesheet]")["href"].startswith(f"{SUB_PATH}assets/")
        # The 404 pages answer at any depth: they load the bundle (hinted, with the speed switch)
        # by its path on the host.
        bundle = not_found.select_one("link[data-md-bundle]" if SPEED_SWITCH else "script[src*='/bundle.']")
        address = bundle["href" if SPEED_SWITCH else "src"]
        assert address.startswith(f"{SUB_PATH}assets/javascripts/bundle."), (page, address)
        shipped = (branded_site / address.removeprefix(SUB_PATH)).read_text("utf-8")
        assert shipped.startswith(COMPILE_HINT) == SPEED_SWITCH


def test_with_site_url_hreflang_and_canonical_links_are_absolute_on_every_page(branded_site: Path) -> None:
    """Home pages and 404 pages included: each hreflang link is the twin's full address under
    SITE_URL (a page of the site), x-default is the French one, and the canonical link is
    the page's own full address."""
    site_url = BRANDING["SITE_URL"]
    pages = [p for p in _html_files(branded_site) if "http-equiv" not in p.read_text("utf-8")[:2000]]
    assert len(pages) >= 22
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        hreflang = {
            link["hreflang"]: link["href"] for link in soup.select("head link[rel=alternate][hreflang]")
        }
        assert set(hreflang) == {"fr", "en", "x-default"}, path
        assert hreflang["x-default"] == hreflang["fr"]
        for href in hreflang.values():
            assert href.startswith(site_url), (path, href)
            assert (branded_site / href.removeprefix(site_url) / "index.html").is_file(), (path, href)
        if path.name != "404.html":
            own = f"{site_url}{path.parent.relative_to(branded_site).as_posix()}/".replace("/./", "/")
            assert soup.select_one("link[rel=canonical]")["href"] == own
            assert hreflang[soup.html["lang"]] == own
    # The stub at an English page's old address: its canonical link is the new full address.
    stub = BeautifulSoup(
        (branded_site / "en" / "pertinence" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert stub.select_one("link[rel=canonical]")["href"] == f"{site_url}en/relevance/"
    home = BeautifulSoup((branded_site / "en" / "index.html").read_text("utf-8"), "html.parser")
    assert {link["hreflang"]: link["href"] for link in home.select("link[hreflang]")} == {
        "fr": site_url,
        "en": f"{site_url}en/",
        "x-default": site_url,
    }


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("BRAND_PRIMARY", "sky", "BRAND_PRIMARY.*'sky' is not a colour"),
        ("BRAND_PRIMARY", "#ffdd00", "BRAND_PRIMARY.*contrast of 1.3:1.*4.5:1"),
        ("BRAND_LOGO", "tests/fixtures/missing.svg", "BRAND_LOGO.*'tests/fixtures/missing.svg' not found"),
        ("BRAND_CONTACT_EMAIL", "webmaster", "BRAND_CONTACT_EMAIL.*not an e-mail address"),
        ("BRAND_REPORT_PROBLEM", "javascript:alert(1)", "BRAND_REPORT_PROBLEM.*mailto:, https: or http:"),
    ],
)
def test_bad_branding_stops_the_build_with_the_setting_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, variable: str, value: str, message: str
) -> None:
    """A wrong branding value aborts the build and the message says which variable to fix."""
    with _environment(**{variable: value}), pytest.raises(Abort):
        build_site(tmp_path / "site")
    assert any(re.search(message, record.getMessage()) for record in caplog.records), [
        r.getMessage() for r in caplog.records
    ]


# --- Real nginx, strict CSP ---------------------------------------------------------------


@pytest.fixture(scope="module")
def nginx_url(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(built_site.path, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(scope="module")
def nginx_default_sub_path_url(
    built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The default build (no SITE_URL) at /guides/social-media/."""
    with serve(built_site.path, tmp_path_factory.mktemp("nginx-default-sub"), SUB_PATH) as url:
        yield url


@pytest.fixture(scope="module")
def nginx_sub_path_url(branded_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(branded_site, tmp_path_factory.mktemp("nginx-sub"), SUB_PATH) as url:
        yield url


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def _get(url: str, **headers: str) -> Response:
    request = Request(url, headers=headers)
    try:
        with urlopen(request, timeout=10) as response:
            return Response(
                response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
            )
    except Exception as error:  # urllib raises on 404; the response is still what we test
        if hasattr(error, "code"):
            return Response(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())
        raise


def _configured_headers(pattern: str, text: str) -> dict[str, str]:
    """Header name → value of every active (not commented) line a configuration sets."""
    found = re.findall(pattern, text, re.MULTILINE)
    return {name: value for name, value in found if name not in NOT_SECURITY}


def test_nginx_conf_sets_exactly_the_security_headers() -> None:
    """nginx.conf sets every security header with its whole value, and no other."""
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    assert _configured_headers(r'^\s*add_header\s+([\w-]+)\s+"([^"]*)"', text) == SECURITY_HEADERS


def test_htaccess_sets_exactly_the_security_headers() -> None:
    """.htaccess sets the same headers with the same values as nginx.conf."""
    text = HTACCESS.read_text(encoding="utf-8")
    assert _configured_headers(r'^\s*Header\s+always\s+set\s+([\w-]+)\s+"([^"]*)"', text) == SECURITY_HEADERS


def test_readme_lists_exactly_the_security_headers() -> None:
    """README's table of security headers, and its policy block, say what the servers send."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `([\w-]+)` \| (.+?) \|$", readme, re.MULTILINE))
    listed = {
        name: value.strip("`")
        for name, value in table.items()
        if name in SECURITY_HEADERS or "-Policy" in name or name.startswith(("X-", "Cross-"))
    }
    block = re.search(r"```text\n(default-src[^`]*)```", readme)
    assert block is not None, "README: the Content-Security-Policy block is missing"
    assert listed.pop("Content-Security-Policy") == "the policy below"
    assert " ".join(block.group(1).split()) == CSP
    assert listed == {
        name: value for name, value in SECURITY_HEADERS.items() if name != "Content-Security-Policy"
    }


def test_nginx_sends_the_security_headers(nginx_url: str) -> None:
    """Every security header, whole, on pages, files and 404s, in both languages."""
    for url in (nginx_url, f"{nginx_url}en/plan/", f"{nginx_url}no-such-page/", f"{nginx_url}sitemap.xml"):
        headers = _get(url).headers
        sent = {name: headers.get(name.lower()) for name in SECURITY_HEADERS}
        assert sent == SECURITY_HEADERS, url


def test_nginx_caches_fingerprinted_files_and_revalidates_pages(
    nginx_url: str, built_site: BuiltSite
) -> None:
    """Hashed assets: a year, immutable. Pages and the search index: revalidated on each visit."""
    soup = BeautifulSoup(built_site.page("fr", "index").read_text("utf-8"), "html.parser")
    for ref in _page_files(soup):
        assert _get(urljoin(nginx_url, ref)).headers["cache-control"] == "public, max-age=31536000, immutable"
    for path in ("", "en/", "search/search_index.json", "en/search/search_index.json"):
        assert _get(f"{nginx_url}{path}").headers["cache-control"] == "no-cache"


def test_nginx_compresses_text(nginx_url: str) -> None:
    """HTML, CSS, JavaScript and the search index travel gzip-compressed."""
    soup = BeautifulSoup(_get(nginx_url).body, "html.parser")
    stylesheet = urljoin(nginx_url, soup.select_one("link[rel=stylesheet]")["href"])
    for url in (nginx_url, stylesheet, f"{nginx_url}search/search_index.json"):
        response = _get(url, **{"Accept-Encoding": "gzip"})
        assert response.headers.get("content-encoding") == "gzip", url


@pytest.mark.parametrize(("path", "lang"), [("no-such-page/", "fr"), ("en/no-such-page/", "en")])
def test_nginx_answers_404_in_the_readers_language(nginx_url: str, path: str, lang: str) -> None:
    """A missing page gets status 404 and the "not found" page of its language."""
    response = _get(f"{nginx_url}{path}")
    assert response.status == 404
    assert BeautifulSoup(response.body, "html.parser").html["lang"] == lang


@dataclass
class Visit:
    page: Page
    traffic: Traffic
    violations: list[str]

    def assert_clean(self) -> None:
        wait_until_settled(self.page, self.traffic)
        assert self.violations == [], "Content-Security-Policy violations"
        self.traffic.assert_clean()


def _visit(context: BrowserContext, origin: str) -> Visit:
    violations: list[str] = []
    context.expose_function("__testRecordViolation", lambda text: violations.append(text))
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    return Visit(page, record_traffic(page, origin), violations)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _search(page: Page, word: str) -> list[str]:
    """Type a word in Material's search box; return the result links, resolved."""
    wait_for_material(page)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(word, delay=20)  # Material searches on keyup
    expect(search_results_for(page, word).first).to_be_visible(timeout=15_000)
    hrefs = page.locator("a.md-search-result__link").evaluate_all("links => links.map(link => link.href)")
    page.keyboard.press("Escape")
    return hrefs


def _switch_language(page: Page, name: str) -> None:
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f".md-select__link:has-text('{name}')").click()


def _toggle_palette(page: Page) -> None:
    """Switch light/dark with the header toggle; the choice survives a reload."""
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form.md-header__option label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before)
    after = body.get_attribute("data-md-color-scheme")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", after)


def _tick_checklist_item(page: Page) -> None:
    """Tick (or untick) a readiness checklist item; the answer is still there after a reload."""
    checklist = page.locator("[data-module=mdx-checklist]").first
    expect(checklist).to_have_attribute("data-checklist-ready", "")
    box = checklist.locator("input[type=checkbox]").nth(1)
    box_id = box.get_attribute("id")
    ticked = not box.is_checked()
    page.locator(f"label[for='{box_id}']").first.click()
    expect(box).to_be_checked(checked=ticked)
    page.reload()
    expect(page.locator(f"[id='{box_id}']")).to_be_checked(checked=ticked)


def _drive_both_languages(visit: Visit, home: str, page_suffix: str = "/", index: str = "") -> None:
    """Home → search → palette → checklist → English twin → search → checklist, all clean.

    `home` is the site's root URL; `page_suffix` and `index` spell page URLs the way the
    build does ("/" and "" for directory URLs, ".html" and "index.html" offline)."""
    page = visit.page
    page.goto(f"{home}{index}")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    french_results = _search(page, SHARED_WORD)
    assert french_results and not any("/en/" in href for href in french_results), french_results
    assert all(href.startswith(home) for href in french_results), french_results
    _toggle_palette(page)

    page.goto(urljoin(home, f"preparation{page_suffix}"))
    _tick_checklist_item(page)
    _switch_language(page, "English")
    expect(page).to_have_url(urljoin(home, f"en/readiness{page_suffix}"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    english_results = _search(page, SHARED_WORD)
    assert english_results and all(href.startswith(urljoin(home, "en/")) for href in english_results)
    _tick_checklist_item(page)
    _switch_language(page, "Français")
    expect(page).to_have_url(urljoin(home, f"preparation{page_suffix}"))
    visit.assert_clean()


@ALSO_IN_FIREFOX
def test_site_works_under_strict_csp_on_nginx(context: BrowserContext, nginx_url: str) -> None:
    """Both languages, search, palette toggle and checklist under the real headers: no violation."""
    visit = _visit(context, _origin(nginx_url))
    _drive_both_languages(visit, nginx_url)


@ALSO_IN_FIREFOX
def test_not_found_pages_are_styled_and_clean(context: BrowserContext, nginx_url: str) -> None:
    """The 404 pages load their styles and scripts under the CSP, in both languages."""
    visit = _visit(context, _origin(nginx_url))
    for path, lang in (("no/such/page/", "fr"), ("en/no/such/page/", "en")):
        response = visit.page.goto(f"{nginx_url}{path}")
        assert response is not None and response.status == 404
        expect(visit.page.locator("html")).to_have_attribute("lang", lang)
        expect(visit.page.locator(".md-header")).to_have_css("position", "sticky")
        wait_until_settled(visit.page, visit.traffic)  # the bundle starts from the page's absolute address
    # The pages themselves answer 404, as they should; any other 404 still fails below.
    visit.traffic.failures = [f for f in visit.traffic.failures if "/such/page/" not in f]
    visit.traffic.console_errors = [e for e in visit.traffic.console_errors if "status of 404" not in e]
    visit.assert_clean()


@ALSO_IN_FIREFOX
def test_branded_site_works_under_a_sub_path(context: BrowserContext, nginx_sub_path_url: str) -> None:
    """At /guides/social-media/: links, search, checklist, language selector, logo; nothing leaves."""
    visit = _visit(context, _origin(nginx_sub_path_url))
    _drive_both_languages(visit, nginx_sub_path_url)
    page = visit.page
    page.goto(f"{nginx_sub_path_url}objectifs/")
    logo_width = page.locator(".md-header .md-logo img").evaluate("img => img.naturalWidth")
    assert logo_width > 0
    for href in page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all(
        "links => links.map(link => link.href)"
    ):
        assert href.startswith(nginx_sub_path_url), href
    visit.assert_clean()


def test_default_build_under_a_sub_path_has_no_link_leaving_the_site(nginx_default_sub_path_url: str) -> None:
    """Built without SITE_URL, served at /guides/social-media/: every link of every page, in
    both languages, and of both 404 pages stays under that path and answers."""
    report = crawl(nginx_default_sub_path_url)
    assert report.problems == []
    assert report.pages >= 2 * len(list((ROOT / "docs").glob("*.fr.md"))) + 2
    assert report.links > 1000


def test_default_build_works_under_a_sub_path(
    context: BrowserContext, nginx_default_sub_path_url: str
) -> None:
    """Search, checklist and language selector (home pages included), and the 404 pages with
    their links, at /guides/social-media/ with no SITE_URL; nothing leaves the site."""
    home = nginx_default_sub_path_url
    visit = _visit(context, _origin(home))
    _drive_both_languages(visit, home)
    page = visit.page
    page.goto(home)
    _switch_language(page, "English")
    expect(page).to_have_url(f"{home}en/")
    _switch_language(page, "Français")
    expect(page).to_have_url(home)
    for path, lang, heading, other, twin in (
        ("no/such/page/", "fr", "Page introuvable", "English", "en/"),
        ("en/no/such/page/", "en", "Page not found", "Français", ""),
    ):
        response = page.goto(f"{home}{path}")
        assert response is not None and response.status == 404
        expect(page.locator("article h1")).to_have_text(heading)
        expect(page.locator(".md-header")).to_have_css("position", "sticky")
        wait_for_material(page)
        page.locator("article a").click()
        expect(page).to_have_url(f"{home}{'' if lang == 'fr' else 'en/'}")
        page.goto(f"{home}{path}")
        wait_for_material(page)
        _switch_language(page, other)
        expect(page).to_have_url(f"{home}{twin}")
    visit.traffic.failures = [f for f in visit.traffic.failures if "/such/page/" not in f]
    visit.traffic.console_errors = [e for e in visit.traffic.console_errors if "status of 404" not in e]
    visit.assert_clean()


# --- Real Apache, the shipped .htaccess: what nginx does -----------------------------------

# The headers nginx.conf sets (add_header lines that are not commented out): Apache must
# send each of them with the same value, so nginx.conf stays the one source of truth.
NGINX_HEADERS = re.findall(r"^\s*add_header\s+([\w-]+)\s", SHIPPED_CONFIG.read_text("utf-8"), re.MULTILINE)


@pytest.fixture(scope="module")
def apache_url(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with local_apache.serve(built_site.path, tmp_path_factory.mktemp("apache")) as url:
        yield url


def _sample_paths(built_site: BuiltSite) -> list[str]:
    """Pages, redirects, 404s, the search indexes, a source map and every fingerprinted file."""
    soup = BeautifulSoup(built_site.page("fr", "index").read_text("utf-8"), "html.parser")
    assets = _page_files(soup)
    source_maps = sorted(str(p.relative_to(built_site.path)) for p in built_site.path.rglob("*.map"))
    return [
        "",
        "en",
        "en/",
        "plan/",
        "en/plan/",
        "no-such-page/",
        "en/no-such-page/",
        "assets/",
        "search/search_index.json",
        "en/search/search_index.json",
        "sitemap.xml",
        *source_maps[:1],
        *assets,
    ]


def test_apache_sends_the_same_headers_as_nginx(
    apache_url: str, nginx_url: str, built_site: BuiltSite
) -> None:
    """Same status and same values for every header nginx.conf sets (CSP, nosniff, referrer,
    permissions, cross-origin, frame, Cache-Control) on pages, 404s, assets and indexes."""
    assert len(NGINX_HEADERS) >= 8 and "content-security-policy" in {h.lower() for h in NGINX_HEADERS}
    paths = _sample_paths(built_site)
    assert any(re.search(FINGERPRINT, path) for path in paths) and any(p.endswith(".map") for p in paths)
    differences = []
    for path in paths:
        nginx, apache = _get(f"{nginx_url}{path}"), _get(f"{apache_url}{path}")
        expected = {name: nginx.headers.get(name.lower()) for name in NGINX_HEADERS}
        answered = {name: apache.headers.get(name.lower()) for name in NGINX_HEADERS}
        assert None not in expected.values(), (path, expected)
        if (apache.status, answered) != (nginx.status, expected):
            differences.append(
                f"/{path}: Apache {apache.status} {answered} != nginx {nginx.status} {expected}"
            )
    assert differences == []


def test_apache_caches_fingerprinted_files_and_revalidates_pages(
    apache_url: str, built_site: BuiltSite
) -> None:
    """Hashed assets: a year, immutable. Pages and the search index: revalidated on each visit."""
    soup = BeautifulSoup(built_site.page("en", "plan").read_text("utf-8"), "html.parser")
    refs = _page_files(soup)
    assert len(refs) >= 4
    for ref in refs:
        cache_control = _get(urljoin(f"{apache_url}en/plan/", ref)).headers["cache-control"]
        assert cache_control == "public, max-age=31536000, immutable", ref
    for path in ("", "en/plan/", "search/search_index.json", "no-such-page/"):
        assert _get(f"{apache_url}{path}").headers["cache-control"] == "no-cache", path


def test_apache_compresses_text(apache_url: str, built_site: BuiltSite) -> None:
    """HTML, CSS, JavaScript and the search index travel gzip-compressed, and unpack to the file."""
    soup = BeautifulSoup(built_site.page("fr", "index").read_text("utf-8"), "html.parser")
    stylesheet = soup.select_one("link[rel=stylesheet]")["href"]
    # Material's bundle: a preload with the speed switch, a script without.
    bundle = soup.select_one("link[data-md-bundle], script[src*='/bundle.']")
    assert bundle is not None
    script = bundle["href"] if bundle.name == "link" else bundle["src"]
    for path in ("index.html", stylesheet, script, "search/search_index.json"):
        response = _get(f"{apache_url}{path}", **{"Accept-Encoding": "gzip"})
        assert response.headers.get("content-encoding") == "gzip", path
        assert "Accept-Encoding" in response.headers.get("vary", ""), path
        assert gzip.decompress(response.body) == (built_site.path / path).read_bytes(), path


@pytest.mark.parametrize(
    ("path", "lang"),
    [("no-such-page/", "fr"), ("en/no-such-page/", "en"), ("plan/no-such-file.html", "fr")],
)
def test_apache_answers_404_in_the_readers_language(apache_url: str, path: str, lang: str) -> None:
    """A missing page gets status 404 and the "not found" page of its language."""
    response = _get(f"{apache_url}{path}")
    assert response.status == 404
    assert BeautifulSoup(response.body, "html.parser").html["lang"] == lang


@pytest.fixture
def apache_sub_path_url(built_site: BuiltSite, tmp_path: Path) -> Iterator[str]:
    """The default build behind Apache, its .htaccess edited for SUB_PATH (its SUB-PATH lines)."""
    with local_apache.serve(built_site.path, tmp_path, prefix=SUB_PATH) as url:
        yield url


def test_default_build_under_a_sub_path_on_apache_has_no_link_leaving_the_site(
    apache_sub_path_url: str,
) -> None:
    """Every link of every page and of both 404 pages stays under the sub-path and answers."""
    report = crawl(apache_sub_path_url)
    assert _get(f"{apache_sub_path_url}en/no/such/page/").status == 404
    assert report.problems == []
    assert report.pages >= 2 * len(list((ROOT / "docs").glob("*.fr.md"))) + 2


def test_site_works_under_strict_csp_on_apache(context: BrowserContext, apache_url: str) -> None:
    """Both languages, search, palette toggle and checklist under Apache's headers: no violation."""
    visit = _visit(context, _origin(apache_url))
    _drive_both_languages(visit, apache_url)


# --- The offline copy, from file:// ---------------------------------------------------------


@ALSO_IN_FIREFOX
def test_offline_copy_works_from_disk(context: BrowserContext, offline_copy: Path) -> None:
    """Unzipped and opened from file://: navigation, language selector, search in both languages,
    checklist; nothing fetched from any host."""
    assert not [p for p in offline_copy.rglob("*") if p.is_file() and "unpkg.com/iframe-worker" in _text(p)]
    visit = _visit(context, "file://")
    home = (offline_copy / "index.html").as_uri()
    page = visit.page
    page.goto(home)
    page.locator("nav.md-nav--primary a.md-nav__link[href='objectifs.html']").first.click()
    expect(page).to_have_url(urljoin(home, "objectifs.html"))
    _drive_both_languages(visit, home.removesuffix("index.html"), page_suffix=".html", index="index.html")


# Each way the guide is hosted: the fixture that serves it.
HOSTS = {
    "nginx": "nginx_url",
    "apache": "apache_url",
    "sub-path": "nginx_sub_path_url",
    "offline": "offline_copy",
}


@ALSO_IN_FIREFOX
@pytest.mark.parametrize("host", HOSTS)
def test_every_page_is_clean_on_each_host(
    context: BrowserContext, request: pytest.FixtureRequest, host: str
) -> None:
    """Every page the menu links, in both languages, as a reader opens it: no CSP
    violation, console error, failed request or request to another host."""
    served = request.getfixturevalue(HOSTS[host])
    # Opened from disk, a folder is a file listing: the reader opens index.html.
    root, index, origin = (
        (served.as_uri() + "/", "index.html", "file://")
        if host == "offline"
        else (served, "", _origin(served))
    )
    visit = _visit(context, origin)
    page = visit.page
    for lang, language_home in (("fr", f"{root}{index}"), ("en", f"{root}en/{index}")):
        page.goto(language_home)
        # The menu's pages, and the one page linked from every footer instead (the
        # accessibility statement, as Canada.ca and GOV.UK place it).
        links = page.locator("nav.md-nav--primary a.md-nav__link[href], .mdx-brand__accessibility a[href]")
        pages = dict.fromkeys(
            href.split("#")[0] for href in links.evaluate_all("links => links.map(a => a.href)")
        )
        assert len(pages) == len(page_slugs()), sorted(pages)
        for url in pages:
            page.goto(url)
            expect(page.locator("html")).to_have_attribute("lang", lang)
            wait_for_material(page)
    visit.assert_clean()


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="ignore") if path.suffix in (".html", ".js") else ""


@pytest.mark.speed_switch
def test_search_index_loads_only_when_the_reader_searches(context: BrowserContext, nginx_url: str) -> None:
    """A page view does not download the search index (the largest file); reaching the
    search box does, and a page opened from a search result (?h=) gets it at once."""
    visit = _visit(context, _origin(nginx_url))
    page = visit.page
    page.goto(f"{nginx_url}plan/")
    wait_until_settled(page, visit.traffic)  # Material has started and asked for the index
    assert not [url for url in visit.traffic.requests if "search_index" in url]
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")):
        page.locator("input.md-search__input").focus()
    with page.expect_request(f"{nginx_url}en/search/search_index.json"):
        page.goto(f"{nginx_url}en/plan/?h={SHARED_WORD}")
    visit.assert_clean()
