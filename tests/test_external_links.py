"""tests/checks/external_links.py (`make links-external`): each answer's verdict, the
place an editor fixes a link, and the whole command against web servers on 127.0.0.1
with a tiny built site. Never a request to another host: the suite runs offline."""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.error
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from checks import external_links
from checks.external_links import Outcome, Verdict, check_url, classify_error, classify_status, source_places
from local_server import free_port

TIMEOUT = 2.0


# --- Verdicts, without a network -------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "verdict"),
    [(200, Verdict.FINE), (204, Verdict.FINE), (404, Verdict.BROKEN), (410, Verdict.BROKEN)]
    + [(code, Verdict.UNCONFIRMED) for code in (400, 401, 403, 405, 429, 500, 502, 503)],
)
def test_each_status_code_has_its_verdict(code: int, verdict: Verdict) -> None:
    """Only 404 and 410 say for sure the page is gone; refusals and server errors need a person."""
    assert classify_status(code, "Reason").verdict is verdict


@pytest.mark.parametrize(
    ("error", "verdict", "status"),
    [
        (
            urllib.error.URLError(socket.gaierror(-2, "Name or service not known")),
            Verdict.BROKEN,
            "no such host",
        ),
        (urllib.error.URLError(ConnectionRefusedError(111, "refused")), Verdict.BROKEN, "connection refused"),
        (urllib.error.URLError(TimeoutError("timed out")), Verdict.UNCONFIRMED, "timed out after 2 s"),
        (TimeoutError("The read operation timed out"), Verdict.UNCONFIRMED, "timed out after 2 s"),
        (ConnectionResetError(104, "reset"), Verdict.UNCONFIRMED, "no answer ([Errno 104] reset)"),
    ],
)
def test_network_errors_have_their_verdict(error: BaseException, verdict: Verdict, status: str) -> None:
    """No DNS entry or a refused connection: broken. A timeout or a reset: check by hand."""
    assert classify_error(error, timeout=2) == Outcome(verdict, status)


def test_head_refused_falls_back_to_get() -> None:
    """A server that refuses HEAD (405) is asked again with GET, whose answer counts."""
    asked: list[str] = []

    def fake(url: str, method: str, timeout: float) -> tuple[int, str, str | None]:
        asked.append(method)
        return (405, "Method Not Allowed", None) if method == "HEAD" else (200, "OK", None)

    assert check_url("https://example.org/", fetch=fake) == Outcome(Verdict.FINE, "200 OK")
    assert asked == ["HEAD", "GET"]


def test_no_get_after_a_host_that_does_not_exist() -> None:
    """Asking again cannot help when the name does not resolve: one request only."""
    asked: list[str] = []

    def fake(url: str, method: str, timeout: float) -> tuple[int, str, str | None]:
        asked.append(method)
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    assert check_url("https://nowhere.invalid/", fetch=fake).verdict is Verdict.BROKEN
    assert asked == ["HEAD"]


def test_a_redirect_loop_is_not_followed_forever() -> None:
    def fake(url: str, method: str, timeout: float) -> tuple[int, str, str | None]:
        return 302, "Found", url

    outcome = check_url("https://example.org/loop", fetch=fake)
    assert outcome == Outcome(Verdict.UNCONFIRMED, "more than 10 redirects")


def test_one_request_at_a_time_per_host_several_hosts_at_once() -> None:
    """Two hosts are asked at the same time; one host never twice at the same time."""
    both_started = threading.Barrier(2, timeout=5)
    busy: set[str] = set()
    overlaps: list[str] = []
    lock = threading.Lock()

    def fake(url: str, method: str, timeout: float) -> tuple[int, str, str | None]:
        host = url.split("/")[2]
        with lock:
            if host in busy:
                overlaps.append(url)
            busy.add(host)
        if url.endswith("/1"):
            both_started.wait()  # breaks (an error, so not 200) unless the other host is asked meanwhile
        with lock:
            busy.discard(host)
        return 200, "OK", None

    urls = [f"https://{host}.example/{n}" for host in ("a", "b") for n in (1, 2, 3)]
    outcomes = external_links.check_all(urls, workers=4, fetch=fake)
    assert list(outcomes) == urls
    assert {outcome.verdict for outcome in outcomes.values()} == {Verdict.FINE}
    assert overlaps == []


# --- Where an editor fixes a link ------------------------------------------------------


def test_source_places_names_each_page_and_data_line(tmp_path: Path) -> None:
    """The lines of docs/*.md and docs/data/*.yml holding the whole address; a longer
    address that starts the same is not a match."""
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "plan.fr.md").write_text(
        "# Plan\n\nVoir [la loi](https://example.org/loi).\n[Autre](https://example.org/loi-2)\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "data" / "facts.yml").write_text(
        "facts:\n  - id: x\n    url: https://example.org/loi\n", encoding="utf-8"
    )
    places = source_places(["https://example.org/loi", "https://example.org/absent"], tmp_path)
    assert [str(place) for place in places["https://example.org/loi"]] == [
        "docs/data/facts.yml, line 3",
        "docs/plan.fr.md, line 3",
    ]
    assert places["https://example.org/absent"] == ()


# --- The command, against local servers ------------------------------------------------


class _Answers(http.server.BaseHTTPRequestHandler):
    """One address per verdict."""

    ROUTES: ClassVar[dict[str, tuple[int, str | None]]] = {
        "/ok": (200, None),
        "/moved": (301, "/ok"),
        "/moved-to-gone": (302, "/gone"),
        "/gone": (404, None),
        "/forbidden": (403, None),
        "/error": (500, None),
    }

    def _answer(self) -> None:
        if self.path == "/get-only" and self.command == "HEAD":
            code, location = 405, None
        elif self.path == "/get-only":
            code, location = 200, None
        else:
            code, location = self.ROUTES.get(self.path, (404, None))
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = _answer  # http.server's names
    do_GET = _answer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def link_server_url() -> Iterator[str]:
    """A web server on 127.0.0.1 that gives each path its own answer."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A port that accepts the connection and never answers: the request times out."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/silent"


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy set in the environment must not stand between the test and 127.0.0.1."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/ok", Outcome(Verdict.FINE, "200 OK")),
        ("/get-only", Outcome(Verdict.FINE, "200 OK")),
        ("/gone", Outcome(Verdict.BROKEN, "404 Not Found")),
        ("/forbidden", Outcome(Verdict.UNCONFIRMED, "403 Forbidden")),
        ("/error", Outcome(Verdict.UNCONFIRMED, "500 Internal Server Error")),
    ],
)
def test_local_server_answers(link_server_url: str, path: str, expected: Outcome) -> None:
    assert check_url(link_server_url + path, timeout=TIMEOUT) == expected


def test_a_redirect_names_where_it_leads(link_server_url: str) -> None:
    """301 then 200: the link works but moved; the report gives the new address."""
    outcome = check_url(f"{link_server_url}/moved", timeout=TIMEOUT)
    assert outcome == Outcome(Verdict.MOVED, "200 OK after a redirect", moved_to=f"{link_server_url}/ok")


def test_a_redirect_to_a_missing_page_is_broken(link_server_url: str) -> None:
    outcome = check_url(f"{link_server_url}/moved-to-gone", timeout=TIMEOUT)
    assert outcome == Outcome(Verdict.BROKEN, f"404 Not Found at {link_server_url}/gone, where it redirects")


def test_a_refused_port_is_broken() -> None:
    outcome = check_url(f"http://127.0.0.1:{free_port()}/", timeout=TIMEOUT)
    assert outcome == Outcome(Verdict.BROKEN, "connection refused")


def test_a_silent_server_times_out(silent_url: str) -> None:
    """No answer within the timeout: could not confirm, never broken."""
    assert check_url(silent_url, timeout=0.3) == Outcome(Verdict.UNCONFIRMED, "timed out after 0.3 s")


def _tiny_site(root: Path, base: str, refused: str) -> tuple[Path, dict[str, int]]:
    """A built site of two pages and the sources it came from; returns the site and the
    line of each address in docs/index.fr.md."""
    links = {
        "ok": f"{base}/ok",
        "moved": f"{base}/moved",
        "gone": f"{base}/gone",
        "forbidden": f"{base}/forbidden",
        "error": f"{base}/error",
        "refused": refused,
    }
    site = root / "site"
    (site / "en").mkdir(parents=True)
    anchors = "".join(f'<a href="{url}">{name}</a>\n' for name, url in links.items())
    own = '<a href="https://guide.example.org/en/">Own site</a><a href="mailto:web@example.org">Mail</a>'
    (site / "index.html").write_text(f"<html><body>{anchors}{own}</body></html>", encoding="utf-8")
    (site / "en" / "index.html").write_text(
        f'<html><body><a href="{links["ok"]}">OK</a></body></html>', encoding="utf-8"
    )
    (root / "docs" / "data").mkdir(parents=True)
    markdown = "# Accueil\n\n" + "".join(
        f"- [{name}]({url})\n" for name, url in links.items() if name != "error"
    )
    (root / "docs" / "index.fr.md").write_text(markdown, encoding="utf-8")
    (root / "docs" / "data" / "facts.yml").write_text(
        f"facts:\n  - url: {links['error']}\n", encoding="utf-8"
    )
    lines = {
        name: markdown.splitlines().index(f"- [{name}]({url})") + 1
        for name, url in links.items()
        if name != "error"
    }
    return site, lines


def test_the_command_reports_each_link_and_fails_on_broken_ones(
    link_server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line per external link with its status and source line; the broken ones
    first; links to the site itself and mailto: are not fetched; exit status 1."""
    refused = f"http://127.0.0.1:{free_port()}/"
    site, lines = _tiny_site(tmp_path, link_server_url, refused)
    status = external_links.main(
        [
            str(site),
            "--docs-root",
            str(tmp_path),
            "--site-url",
            "https://guide.example.org/",
            "--timeout",
            "2",
        ]
    )
    output = capsys.readouterr().out.splitlines()
    assert status == 1
    assert output == [
        f"BROKEN: {link_server_url}/gone (404 Not Found). Fix it in: docs/index.fr.md, line {lines['gone']}",
        f"BROKEN: {refused} (connection refused). Fix it in: docs/index.fr.md, line {lines['refused']}",
        f"COULD NOT CONFIRM, CHECK BY HAND: {link_server_url}/error (500 Internal Server Error). "
        "Fix it in: docs/data/facts.yml, line 2",
        f"COULD NOT CONFIRM, CHECK BY HAND: {link_server_url}/forbidden (403 Forbidden). "
        f"Fix it in: docs/index.fr.md, line {lines['forbidden']}",
        f"MOVED: {link_server_url}/moved (200 OK after a redirect, now at {link_server_url}/ok: "
        f"link to that address instead). Fix it in: docs/index.fr.md, line {lines['moved']}",
        f"FINE: {link_server_url}/ok (200 OK). Fix it in: docs/index.fr.md, line {lines['ok']}",
        "6 external links: 2 broken, 2 could not be confirmed (check them by hand), 1 moved, 1 fine.",
    ]


def test_the_command_passes_when_nothing_is_broken(
    link_server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """403 and 500 ask for a person's look, but do not fail the run; an address the
    sources do not hold (the theme's) says so."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        f'<a href="{link_server_url}/forbidden">F</a><a href="{link_server_url}/error">E</a>'
        f'<a href="{link_server_url}/ok">OK</a>',
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    assert external_links.main([str(site), "--docs-root", str(tmp_path), "--timeout", "2"]) == 0
    output = capsys.readouterr().out
    assert (
        f"FINE: {link_server_url}/ok (200 OK). Fix it in: {external_links.NOT_IN_SOURCES}; on docs/index.fr.md"
        in output
    )
    assert output.endswith(
        "3 external links: 0 broken, 2 could not be confirmed (check them by hand), 0 moved, 1 fine.\n"
    )


def test_no_answer_from_any_host_suggests_the_network(tmp_path: Path) -> None:
    """Every host unknown: the report says to check the connection before the links."""

    def report(url: str, status: str) -> external_links.Report:
        return external_links.Report(url, Outcome(Verdict.BROKEN, status), (), ("docs/index.fr.md",))

    unknown = [report("https://a.example/", "no such host"), report("https://b.example/", "no such host")]
    assert external_links.offline(unknown)
    assert not external_links.offline(unknown[:1])
    assert not external_links.offline([*unknown, report("https://c.example/", "404 Not Found")])


def test_the_command_asks_for_a_build_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert external_links.main([str(tmp_path / "site")]) == 2
    assert "run `make build` first" in capsys.readouterr().err


def test_reports_follow_the_editors_files_not_the_addresses() -> None:
    """Within a verdict, reports come in file and line order, whatever the addresses
    (a local server's port once changed the order from run to run)."""
    broken = Outcome(Verdict.BROKEN, "404 Not Found")
    late = external_links.Report(
        "http://127.0.0.1:1000/", broken, (external_links.Place("docs/index.fr.md", 7),), ()
    )
    early = external_links.Report(
        "http://127.0.0.1:9000/", broken, (external_links.Place("docs/index.fr.md", 5),), ()
    )
    fine = external_links.Report(
        "http://127.0.0.1:0001/", Outcome(Verdict.FINE, "200 OK"), (external_links.Place("docs/a.md", 1),), ()
    )
    ordered = sorted([fine, late, early], key=external_links._report_order)
    assert [report.url for report in ordered] == [early.url, late.url, fine.url]
