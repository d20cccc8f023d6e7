"""Run Debian's Apache with the shipped .htaccess (.ci/hosting/.htaccess) on 127.0.0.1,
as a child process in the foreground with a minimal generated httpd.conf, for the
hosting tests. Never a daemon, never port 80, never the system's configuration.

The site is copied with the real .htaccess into a fresh folder: the built site other
tests read stays untouched, and Apache, which drops root for www-data, can read it."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from local_server import free_port, installed, running

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_HTACCESS = ROOT / ".ci" / "hosting" / ".htaccess"
APACHE_CANDIDATES = ("/usr/sbin/apache2", "apache2", "/usr/sbin/httpd", "httpd")
MODULES_DIR = Path("/usr/lib/apache2/modules")
MIME_TYPES = Path("/etc/mime.types")
# What any Apache that serves files has (Debian enables all of these by default), plus
# the modules the .htaccess says it needs: a missing one must fail here as at a host.
BASE_MODULES = ("mpm_event", "authz_core", "dir", "mime", "filter", "autoindex")
NEEDS = re.compile(r"^# Needs ((?:mod_\w+(?:, | and )?)+)", re.MULTILINE)
# The AllowOverride line the .htaccess tells a host to set: tested as written.
ALLOW_OVERRIDE = re.compile(r'"(AllowOverride [A-Za-z=, ]+)"')
# Apache refuses to serve as root; as root it needs a user to switch to (Debian's).
RUN_AS = "www-data"

MAIN_CONFIG = """\
ServerRoot {work}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {work}/apache2.pid
DefaultRuntimeDir {work}
ErrorLog {work}/error.log
LogLevel warn
LogFormat "%>s %O %U" transfer
CustomLog {work}/access.log transfer
TypesConfig {mime_types}
{modules}
{user}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
DocumentRoot {web_root}
<Directory {web_root}>
    {allow_override}
    Require all granted
</Directory>
"""


def required_modules(htaccess: str) -> list[str]:
    """The modules named on the .htaccess's "# Needs mod_x and mod_y" line, plus the base ones."""
    found = NEEDS.search(htaccess)
    if found is None:
        raise RuntimeError(f"{SHIPPED_HTACCESS}: no '# Needs mod_…' line naming the modules it needs")
    return [*BASE_MODULES, *re.findall(r"mod_(\w+)", found.group(1))]


def allow_override(htaccess: str) -> str:
    found = ALLOW_OVERRIDE.search(htaccess)
    if found is None:
        raise RuntimeError(f'{SHIPPED_HTACCESS}: no "AllowOverride …" line telling hosts what to allow')
    return found.group(1)


def main_config(port: int, web_root: Path, work: Path) -> str:
    htaccess = SHIPPED_HTACCESS.read_text(encoding="utf-8")
    modules = "\n".join(
        f"LoadModule {name}_module {MODULES_DIR / f'mod_{name}.so'}" for name in required_modules(htaccess)
    )
    user = f"User {RUN_AS}\nGroup {RUN_AS}" if os.geteuid() == 0 else ""
    return MAIN_CONFIG.format(
        work=work,
        port=port,
        mime_types=MIME_TYPES,
        modules=modules,
        user=user,
        web_root=web_root,
        allow_override=allow_override(htaccess),
    )


# The lines of the shipped .htaccess a host edits under a sub-path (marked SUB-PATH).
SUB_PATH_EDITS = (
    ("ErrorDocument 404 /404.html", "ErrorDocument 404 {prefix}404.html"),
    ("ErrorDocument 404 /en/404.html", "ErrorDocument 404 {prefix}en/404.html"),
    ("""Substitute 's|"/\\./|"/|'""", """Substitute 's|"/\\./|"{prefix}|'"""),
)


def htaccess(prefix: str = "/") -> str:
    """The shipped .htaccess, edited as its comments tell a host to edit it for `prefix`."""
    text = SHIPPED_HTACCESS.read_text(encoding="utf-8")
    for old, new in SUB_PATH_EDITS:
        if text.count(old) != 1:
            raise RuntimeError(f"{SHIPPED_HTACCESS}: expected exactly one line with {old!r}")
        text = text.replace(old, new.replace("{prefix}", prefix))
    return text


@contextmanager
def serve(site: Path, work: Path, port: int | None = None, prefix: str = "/") -> Iterator[str]:
    """Serve the built `site`, with the shipped .htaccess in it, at
    http://127.0.0.1:<port><prefix>; yield that URL."""
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="apache-site-") as public:
        web_root = Path(public) / "site"
        mount = web_root / prefix.strip("/") if prefix.strip("/") else web_root
        shutil.copytree(site, mount)
        (mount / ".htaccess").write_text(htaccess(prefix), encoding="utf-8")
        _make_readable(Path(public))
        config = work / "httpd.conf"
        config.write_text(main_config(port, web_root, work.absolute()), encoding="utf-8")
        # -X: one process in the foreground, stopped by SIGTERM like any child.
        command = [
            installed("Apache", APACHE_CANDIDATES, "apache2"),
            "-X",
            "-d",
            str(work),
            "-f",
            str(config),
        ]
        with running("Apache", command, port, work / "error.log"):
            yield f"http://127.0.0.1:{port}{prefix}"


def _make_readable(folder: Path) -> None:
    """Readable by Apache's user (www-data when run as root): temporary folders are 0700."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
