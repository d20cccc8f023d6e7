"""The offline copy (`make offline`): the site built with Material's offline plugin
(OFFLINE=true: no directory URLs, the search index as a script), so it works opened
from disk, then zipped for readers. The tests build it through this module too.

Not a MkDocs hook (mkdocs.yml does not list it): it lives beside them as the one place
that says how the offline copy is made.

Run: `.venv/bin/python hooks/offline_copy.py [--dist dist]`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from build_date import dated_by_last_commit

ROOT = Path(__file__).resolve().parent.parent
NAME = "social-media-guide"


@contextmanager
def _offline_setting() -> Iterator[None]:
    """OFFLINE=true while mkdocs.yml is read (`enabled: !ENV [OFFLINE, false]`), then as before."""
    previous = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["OFFLINE"]
        else:
            os.environ["OFFLINE"] = previous


def build_offline(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml") -> None:
    """Build the site for file:// into `site_dir`, strictly (any warning stops it)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with _offline_setting(), dated_by_last_commit(config_file.parent):
        build(load_config(str(config_file), site_dir=str(site_dir), strict=True))


def zip_folder(folder: Path, archive: Path) -> None:
    """`folder` and everything in it, under its own name, in `archive` (sorted, so two
    zips of the same files list them in the same order)."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted([folder, *folder.rglob("*")]):
            zipped.write(path, path.relative_to(folder.parent))


def make_offline_copy(dist: Path, config_file: Path = ROOT / "mkdocs.yml") -> Path:
    """Build the copy into dist/social-media-guide/ and zip it; return the zip's path."""
    dist.mkdir(parents=True, exist_ok=True)
    folder = dist / NAME
    archive = dist / f"{NAME}-offline.zip"
    archive.unlink(missing_ok=True)
    build_offline(folder, config_file)  # clean_site_dir: the folder holds this build only
    zip_folder(folder, archive)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="where to write it (default: dist)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        archive = make_offline_copy(args.dist.resolve())
    except MkDocsException as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Offline copy: {archive} (unzip, then open {NAME}/index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
