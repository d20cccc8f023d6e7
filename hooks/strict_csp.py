"""Pure functions behind hooks/strict_csp_hook.py: the one place where the site rewrites
what Material prints or ships (inventory: tests/theme-boundary.md).

- Material's client configuration (`<script id="__config">`): English pages search their
  own index; the 404 pages' addresses marked for any sub-path. Correctness, always on.
- With the speed switch (`extra.strict_csp.speed`): Material's bundle `<script>` becomes
  a low-priority preload that theme-shims.js starts after the first paint, pointing at a
  copy of the bundle with V8's compile hint.

No MkDocs import here: plain values in, plain values out, unit-tested on their own.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from hosting_core import FINGERPRINT_LENGTH, FINGERPRINT_PART_RE, SITE_ROOT_MARKER, HostingError

# Material's client configuration: <script id="__config" type="application/json">{...}</script>
CONFIG_SCRIPT_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
# Material's bundle as its base.html prints it, first in the scripts block.
BUNDLE_SCRIPT_RE = re.compile(
    r'<script src="(?P<ref>[^"#?]*\bassets/javascripts/bundle\.[0-9a-f]{8}\.min\.js)"></script>'
)
# V8's explicit compile hint (Chromium 136 and later): compile every function of the file
# on the thread that already parses it as it downloads, not one by one on the main thread
# the first time each is called. To other browsers it is a comment.
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"
SOURCE_MAP_URL_RE = re.compile(r"^//# sourceMappingURL=\S+[ \t]*$", re.MULTILINE)


def _edit_client_config(html: str, edit: Callable[[dict[str, object]], dict[str, object] | None]) -> str:
    """Apply `edit` to the page's first client configuration; None from `edit`: unchanged."""

    def rewrite(match: re.Match[str]) -> str:
        config = edit(json.loads(match.group(2)))
        if config is None:
            return match.group(0)
        return f"{match.group(1)}{json.dumps(config, ensure_ascii=False)}{match.group(3)}"

    return CONFIG_SCRIPT_RE.sub(rewrite, html, count=1)


def rebase_client_config(html: str, language_folder: str) -> str:
    """Point Material's client configuration (its `base`) at the language's own root.

    Material loads `<base>/search/search_index.json` and resolves search results against
    `base`; with base at `en/`, English pages load the English index.
    """

    def rebase(config: dict[str, object]) -> dict[str, object] | None:
        base = str(config.get("base", "."))
        if base.rstrip("/").endswith(f"/{language_folder}") or base.rstrip("/") == language_folder:
            return None
        new = f"{base.rstrip('/')}/{language_folder}/" if base not in ("", ".") else f"{language_folder}/"
        return {**config, "base": new}

    return _edit_client_config(html, rebase)


def mark_client_config_root(html: str) -> str:
    """The "page not found" page's client configuration, its `base` and `search` written
    from SITE_ROOT_MARKER ("/./"), as hosting_core.mark_site_root writes its links."""

    def mark(config: dict[str, object]) -> dict[str, object]:
        for key in ("base", "search"):
            value = config.get(key)
            if isinstance(value, str) and value.startswith("/") and not value.startswith("//"):
                config[key] = SITE_ROOT_MARKER + value[1:]
        return config

    return _edit_client_config(html, mark)


def bundle_script_reference(html: str) -> str | None:
    """The address of Material's bundle in its `<script>`, if the page has it."""
    match = BUNDLE_SCRIPT_RE.search(html)
    return match.group("ref") if match else None


def preload_bundle(html: str, ref: str) -> str:
    """Material's bundle `<script>` → `<link rel="preload" … data-md-bundle href=ref>`:
    the download starts at once, at low priority; theme-shims.js runs it after the first
    paint. The site's own scripts that follow keep their `async`."""
    preload = f'<link rel="preload" as="script" fetchpriority="low" data-md-bundle href="{ref}">'
    return BUNDLE_SCRIPT_RE.sub(lambda _: preload, html, count=1)


@dataclass(frozen=True)
class HintedScript:
    """A script with V8's compile hint, under a new fingerprint; its source map follows."""

    name: str
    script: str
    source_map: str | None

    @property
    def source_map_name(self) -> str:
        return f"{self.name}.map"


def with_compile_hint(name: str, script: str, source_map: str | None) -> HintedScript:
    """`bundle.a5f9d56c.min.js` → `bundle.<hash of the hint and the script>.min.js`, hint first.

    The hint adds one line at the top, so the source map's mappings start one line
    later (a leading `;`). Without a source map, the script no longer names one.
    """
    if not FINGERPRINT_PART_RE.search(name):
        raise HostingError(f"{name}: expected a fingerprinted script name, like bundle.a5f9d56c.min.js.")
    hinted = COMPILE_HINT + script
    digest = hashlib.sha256(hinted.encode()).hexdigest()[:FINGERPRINT_LENGTH]
    new_name = FINGERPRINT_PART_RE.sub(f".{digest}", name)
    if source_map is None:
        return HintedScript(new_name, SOURCE_MAP_URL_RE.sub("", hinted), None)
    document = json.loads(source_map)
    document["file"] = new_name
    document["mappings"] = ";" + str(document.get("mappings", ""))
    new_map = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return HintedScript(
        new_name, SOURCE_MAP_URL_RE.sub(f"//# sourceMappingURL={new_name}.map", hinted), new_map
    )
