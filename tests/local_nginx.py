"""Run Debian's nginx with the shipped server configuration (.ci/hosting/nginx.conf) on
127.0.0.1, as a child process with its own prefix, for the hosting tests and the
benchmarks. Never a daemon, never port 80, never the system's configuration."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from local_server import free_port, installed, running

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CONFIG = ROOT / ".ci" / "hosting" / "nginx.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")
NGINX_CANDIDATES = ("/usr/sbin/nginx", "nginx")

# The lines of the shipped file a host edits: listen, root, and the sub-path ones.
LISTEN_LINE = "    listen 80;"
ROOT_LINE = "    root /var/www/social-media-guide;"
SUB_PATH_EDITS = (
    ("error_page 404 /404.html;", "error_page 404 {prefix}404.html;"),
    ("location /en/ {", "location {prefix}en/ {"),
    ("error_page 404 /en/404.html;", "error_page 404 {prefix}en/404.html;"),
    ("sub_filter '\"/./' '\"/';", "sub_filter '\"/./' '\"{prefix}';"),
)

MAIN_CONFIG = """\
daemon off;
master_process off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    # Status, bytes sent (headers included) and path of every response: the benchmarks
    # add these up to measure what a page view transfers.
    log_format transfer '$status $bytes_sent $request_uri';
    access_log {work}/access.log transfer;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{server}
}}
"""


HSTS_LINE = "    # add_header Strict-Transport-Security"
REDIRECT_SERVER = """
server {
    listen 127.0.0.1:80;
    listen [::1]:80;
    server_name _;
    return 301 https://$host$request_uri;
}
"""


@dataclass(frozen=True)
class Tls:
    """HTTPS as the shipped file's comments describe it: port 443, HSTS, port 80 redirecting."""

    certificate: Path
    key: Path


def server_config(port: int, web_root: Path, prefix: str = "/", tls: Tls | None = None) -> str:
    """The shipped server block, edited as the README tells a host to edit it."""
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    listen = f"    listen 127.0.0.1:{port};"
    if tls is not None:
        listen = (
            f"    listen 127.0.0.1:{port} ssl;\n    listen [::1]:{port} ssl;\n"
            f"    ssl_certificate {tls.certificate};\n    ssl_certificate_key {tls.key};"
        )
    edits = [(LISTEN_LINE, listen), (ROOT_LINE, f"    root {web_root};")]
    edits += [(old, new.replace("{prefix}", prefix)) for old, new in SUB_PATH_EDITS]
    if tls is not None:
        edits.append((HSTS_LINE, HSTS_LINE.replace("# ", "", 1)))
    for old, new in edits:
        if text.count(old) != 1:
            raise RuntimeError(f"{SHIPPED_CONFIG}: expected exactly one line with {old!r}")
        text = text.replace(old, new)
    return text + (REDIRECT_SERVER if tls is not None else "")


@contextmanager
def serve(
    site: Path, work: Path, prefix: str = "/", port: int | None = None, tls: Tls | None = None
) -> Iterator[str]:
    """Serve the built `site` at http://127.0.0.1:<port><prefix>; yield that URL.

    `port`: one chosen beforehand with free_port(), when the site was built for it.
    `tls`: HTTPS on `port` (443 for the benchmarks) and a redirect from port 80."""
    web_root = work / "www"
    mount = web_root / prefix.strip("/") if prefix.strip("/") else web_root
    mount.parent.mkdir(parents=True, exist_ok=True)
    if mount.exists() or mount.is_symlink():
        mount.unlink() if mount.is_symlink() else shutil.rmtree(mount)
    mount.symlink_to(site.resolve(), target_is_directory=True)
    port = port or free_port()
    config = work / "nginx.conf"
    config.write_text(
        MAIN_CONFIG.format(
            work=work, mime_types=MIME_TYPES, server=server_config(port, web_root.absolute(), prefix, tls)
        ),
        encoding="utf-8",
    )
    with running(
        "nginx",
        [installed("nginx", NGINX_CANDIDATES, "nginx"), "-p", str(work), "-c", str(config)],
        port,
        work / "error.log",
    ):
        yield f"{'https' if tls else 'http'}://127.0.0.1:{port}{prefix}"
