"""tests/checks/engine_parity.py, which compares the site built by MkDocs with the same
commit built by ProperDocs (`make engine-parity`), on small made-up builds; and
requirements-properdocs.txt, which must install the same versions as requirements.txt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import engine_parity
from checks.engine_parity import Difference, compare_sites, diff_excerpt, without_engine_names
from conftest import ROOT, write_in

MKDOCS_TAG = '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">'
PROPERDOCS_TAG = '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">'
PAGE = "<html><head>\n{tag}\n</head><body>\n{body}\n</body></html>\n"
# Needed by mkdocs alone: ProperDocs replaces the first and does without the other two.
MKDOCS_ONLY = {"mkdocs", "mkdocs-get-deps", "mergedeep"}


def _page(tag: str, body: str = "<p>Bonjour</p>") -> str:
    return PAGE.format(tag=tag, body=body)


@pytest.fixture
def builds(tmp_path: Path) -> tuple[Path, Path]:
    """Two builds of a two-page site that differ by their generator tag only."""
    first, second = tmp_path / "mkdocs", tmp_path / "properdocs"
    for site, tag in ((first, MKDOCS_TAG), (second, PROPERDOCS_TAG)):
        write_in(site, "index.html", _page(tag))
        write_in(site, "en/index.html", _page(tag, "<p>Hello</p>"))
        write_in(site, "assets/app.js", "console.log(1);\n")
    return first, second


def test_the_engine_name_is_set_aside() -> None:
    """Both engines' generator tags read the same once the engine's name is set aside."""
    assert without_engine_names(MKDOCS_TAG.encode()) == without_engine_names(PROPERDOCS_TAG.encode())
    assert without_engine_names(MKDOCS_TAG.encode()) == (
        b'<meta name="generator" content="mkdocs-(engine), mkdocs-material-9.8.1">'
    )


def test_only_the_engine_part_of_the_tag_is_set_aside() -> None:
    """Another Material version still differs, and so does the engine named elsewhere."""
    other_material = PROPERDOCS_TAG.replace("9.8.1", "9.7.0").encode()
    assert without_engine_names(MKDOCS_TAG.encode()) != without_engine_names(other_material)
    text = b"<p>Built with mkdocs-1.6.1</p>"
    assert without_engine_names(text) == text


def test_builds_that_differ_by_the_engine_name_only_match(builds: tuple[Path, Path]) -> None:
    """Every file compared, none differs."""
    comparison = compare_sites(*builds)
    assert comparison.compared == 3
    assert comparison.differences == ()


def test_files_in_one_build_only_are_listed(builds: tuple[Path, Path]) -> None:
    """A file missing from either build is named with the build that has it."""
    first, second = builds
    write_in(first, "sitemap.xml", "<urlset/>\n")
    write_in(second, "en/extra/index.html", _page(PROPERDOCS_TAG))
    comparison = compare_sites(first, second)
    assert comparison.compared == 3
    assert comparison.differences == (
        Difference("en/extra/index.html", only_in="ProperDocs"),
        Difference("sitemap.xml", only_in="MkDocs"),
    )
    assert str(comparison.differences[1]) == "sitemap.xml: only in the MkDocs build"


def test_a_content_difference_comes_with_a_diff_excerpt(builds: tuple[Path, Path]) -> None:
    """The differing file is named, with the changed lines from each build."""
    first, second = builds
    write_in(second, "en/index.html", _page(PROPERDOCS_TAG, "<p>Hello, world</p>"))
    (difference,) = compare_sites(first, second).differences
    assert difference.path == "en/index.html"
    assert difference.only_in is None
    assert "--- MkDocs/en/index.html" in difference.excerpt
    assert "+++ ProperDocs/en/index.html" in difference.excerpt
    assert "  -<p>Hello</p>" in difference.excerpt
    assert "  +<p>Hello, world</p>" in difference.excerpt
    # The generator tags, set aside, are not part of the excerpt.
    assert "generator" not in difference.excerpt
    assert str(difference).startswith("en/index.html: differs\n")


def test_a_long_diff_is_cut_short() -> None:
    """An excerpt keeps its first lines and says how many it left out."""
    first = "".join(f"line {number}\n" for number in range(40)).encode()
    second = "".join(f"other {number}\n" for number in range(40)).encode()
    excerpt = diff_excerpt("page.html", first, second, lines=5).splitlines()
    assert len(excerpt) == 6
    assert excerpt[-1] == "  … 78 more diff lines"


def test_binary_files_are_described_by_their_sizes() -> None:
    """A binary difference (sitemap.xml.gz) gives sizes, not a diff of bytes."""
    assert diff_excerpt("sitemap.xml.gz", b"\x1f\x8b\x08\xff", b"\x1f\x8b\x08\xfe\x00") == (
        "  binary content differs (4 and 5 bytes)"
    )


def test_the_command_exits_0_when_the_builds_match(
    builds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The engines are named, then the summary."""
    assert engine_parity.main([str(path) for path in builds]) == 0
    out = capsys.readouterr().out
    assert "MkDocs build: mkdocs-1.6.1, mkdocs-material-9.8.1" in out
    assert "ProperDocs build: mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1" in out
    assert "3 files in both builds; 0 differ" in out


def test_the_command_exits_1_and_lists_the_differences(
    builds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Each differing file is printed, with its excerpt."""
    first, second = builds
    write_in(second, "assets/app.js", "console.log(2);\n")
    (first / "en" / "index.html").unlink()
    assert engine_parity.main([str(path) for path in builds]) == 1
    out = capsys.readouterr().out
    assert "assets/app.js: differs\n" in out
    assert "  -console.log(1);\n  +console.log(2);" in out
    assert "en/index.html: only in the ProperDocs build" in out
    assert "2 files in both builds; 2 differ" in out


def test_two_builds_by_one_engine_are_refused(
    builds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Comparing MkDocs with MkDocs would prove nothing: exit 2, naming the tags."""
    first, second = builds
    write_in(second, "index.html", _page(MKDOCS_TAG))
    assert engine_parity.main([str(first), str(second)]) == 2
    assert "Not one build by each engine" in capsys.readouterr().err


def test_a_missing_build_is_refused(builds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """A folder without a built site: exit 2, naming it."""
    first, second = builds
    assert engine_parity.main([str(first), str(second / "nothing")]) == 2
    assert "nothing: no built site here" in capsys.readouterr().err


def _pins(requirements: Path) -> dict[str, str]:
    """name -> version of every `name==version` line (names compared as pip does)."""
    pins = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        if match := re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line.strip()):
            pins[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return pins


def test_properdocs_installs_the_same_versions_as_mkdocs() -> None:
    """Every package of requirements.txt, at the same version, in place of mkdocs's own;
    so upgrading Material (or anything) there and not here fails."""
    mkdocs_pins = _pins(ROOT / "requirements.txt")
    properdocs_pins = _pins(ROOT / "requirements-properdocs.txt")
    assert "properdocs" in properdocs_pins
    assert not MKDOCS_ONLY & properdocs_pins.keys(), "mkdocs must not be installed beside ProperDocs"
    expected = {name: version for name, version in mkdocs_pins.items() if name not in MKDOCS_ONLY}
    assert {name: v for name, v in properdocs_pins.items() if name != "properdocs"} == expected
