"""Fingerprints of the source articles, so that the "no copied sentence" check works
without the articles themselves (they are not part of the repository).

    python -m checks.seed_fingerprints PATH...      regenerate tests/checks/seed-fingerprints.txt

PATH is a folder of source articles (its *.txt files) or one article; run it from tests/
(PYTHONPATH=tests) whenever the articles change. The file holds one line per distinct run
of eight words of the articles: the first 8 bytes of its BLAKE2b digest, in hex, sorted.
The text cannot be read back (a digest only confirms a run of eight words one already has);
a text is checked by hashing its own runs the same way.

A run of the guide matches a fingerprint by chance with probability N / 2**64 (N fingerprints):
with N = 4,546 and the guide's ~20,000 runs checked, about 5 in 10**12 per test run.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

# Eight words in a row shared with a source article means a copied sentence.
COPY_WINDOW = 8
DIGEST_BYTES = 8
FINGERPRINTS_FILE = Path(__file__).with_name("seed-fingerprints.txt")
HEADER = f"""\
# Fingerprints of the source articles' runs of {COPY_WINDOW} words (tests/checks/seed_fingerprints.py).
# Each line: the first {DIGEST_BYTES} bytes of BLAKE2b("w1 w2 … w{COPY_WINDOW}"), words lower-cased,
# NFC-normalized, split on non-word characters. No text can be read back from them.
# Regenerate when the articles change: PYTHONPATH=tests python -m checks.seed_fingerprints PATH
"""


def words(text: str) -> list[str]:
    """The words of `text` as the check compares them: case, accents' encoding and punctuation aside."""
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def windows(text: str) -> list[str]:
    """Every run of COPY_WINDOW consecutive words of `text`, as one space-separated string."""
    found = words(text)
    return [" ".join(found[i : i + COPY_WINDOW]) for i in range(len(found) - COPY_WINDOW + 1)]


def fingerprint(window: str) -> str:
    return hashlib.blake2b(window.encode("utf-8"), digest_size=DIGEST_BYTES).hexdigest()


def fingerprints(texts: Iterable[str]) -> list[str]:
    """The sorted, distinct fingerprints of every run of words in `texts`."""
    return sorted({fingerprint(window) for text in texts for window in windows(text)})


def source_files(paths: Iterable[Path]) -> list[Path]:
    """The articles named: a file itself, a folder's *.txt files (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob("*.txt"))
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return found


def render(prints: list[str]) -> str:
    return HEADER + f"# {len(prints)} fingerprints\n" + "".join(f"{p}\n" for p in prints)


def load(path: Path = FINGERPRINTS_FILE) -> frozenset[str]:
    """The fingerprints stored in `path` (comment lines aside)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def copied_runs(text: str, prints: frozenset[str]) -> list[str]:
    """The runs of `text` whose fingerprint is among `prints`, sorted (the guide's own words)."""
    return sorted({window for window in windows(text) if fingerprint(window) in prints})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checks.seed_fingerprints", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, help="the source articles: a folder of *.txt, or files"
    )
    parser.add_argument("--output", type=Path, default=FINGERPRINTS_FILE, help="default: %(default)s")
    args = parser.parse_args(argv)
    try:
        files = source_files(args.paths)
    except FileNotFoundError as error:
        print(f"seed fingerprints: {error}", file=sys.stderr)
        return 2
    if not files:
        print("seed fingerprints: no article found (a folder's *.txt files, or files)", file=sys.stderr)
        return 2
    prints = fingerprints(path.read_text(encoding="utf-8") for path in files)
    # newline="": the same bytes on every system.
    args.output.write_text(render(prints), encoding="utf-8", newline="")
    print(f"{args.output}: {len(prints)} fingerprints of {len(files)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
