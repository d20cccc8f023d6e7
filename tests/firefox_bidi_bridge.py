"""Debian's Firefox ESR as Playwright's second engine: the executable Playwright's
"moz-firefox" channel launches, which starts firefox-esr and relays WebDriver BiDi
between the two.

Playwright 1.65 speaks a slightly newer WebDriver BiDi than Firefox ESR 153; the relay
bridges the two differences the suite meets, and passes every other message untouched:

- Playwright sends emulation.setMediaFeaturesOverride (when it opens every context, and
  for page.emulate_media), which Firefox ESR does not know: Playwright stops on the
  "unknown command". The relay answers it by setting Firefox's own colour-scheme
  preference (layout.css.prefers-color-scheme.content-override) from the browser's
  privileged side, so the pages' `prefers-color-scheme` really changes. The preference
  belongs to the whole browser, not to one page: the suite's tests run one at a time,
  and each new context sets it again.
- Firefox ESR's download events carry no download id, and Playwright drops them: no
  "download" event ever fires. The relay gives each download an id, the same in its
  downloadWillBegin and downloadEnd events (matched by the download's URL).

    firefox_bidi_bridge.py FIREFOX [FIREFOX ARGUMENTS...]
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import json
import re
import sys
import uuid
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")
UNKNOWN_TO_FIREFOX = "emulation.setMediaFeaturesOverride"
SCHEME_PREFERENCE = "layout.css.prefers-color-scheme.content-override"
# Firefox's values for that preference; no value (Playwright's "no-override") clears it.
SCHEME_VALUES = {"dark": 0, "light": 1}
DOWNLOAD_EVENTS = ("browsingContext.downloadWillBegin", "browsingContext.downloadEnd")
# The relay's own command ids, far above Playwright's.
_OWN_IDS = itertools.count(2**50)


class _Relay:
    """One Playwright connection and its Firefox connection."""

    def __init__(self, upstream: ClientConnection) -> None:
        self.upstream = upstream
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.answering: set[asyncio.Task[None]] = set()
        self.downloads: dict[str, str] = {}  # URL -> the id the relay gave the download

    async def command(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """Send a command of the relay's own to Firefox and wait for its answer."""
        own_id = next(_OWN_IDS)
        answer = asyncio.get_running_loop().create_future()
        self.pending[own_id] = answer
        await self.upstream.send(json.dumps({"id": own_id, "method": method, "params": params}))
        reply = await answer
        if reply.get("type") == "error":
            raise RuntimeError(f"{method}: {reply.get('error')}: {reply.get('message')}")
        result: dict[str, Any] = reply["result"]
        return result

    def with_download_id(self, event: dict[str, Any]) -> dict[str, Any]:
        params = event["params"]
        if params.get("download") or params.get("navigation"):
            return event
        if event["method"] == DOWNLOAD_EVENTS[0]:
            self.downloads[params["url"]] = str(uuid.uuid4())
            download = self.downloads[params["url"]]
        else:
            download = self.downloads.pop(params["url"], str(uuid.uuid4()))
        return {**event, "params": {**params, "download": download}}

    async def set_color_scheme(self, scheme: str | None) -> None:
        [chrome] = (await self.command("browsingContext.getTree", {"moz:scope": "chrome", "maxDepth": 0}))[
            "contexts"
        ][:1]
        value = SCHEME_VALUES.get(scheme or "")
        expression = (
            f"Services.prefs.setIntPref({json.dumps(SCHEME_PREFERENCE)}, {value})"
            if value is not None
            else f"Services.prefs.clearUserPref({json.dumps(SCHEME_PREFERENCE)})"
        )
        result = await self.command(
            "script.evaluate",
            {"expression": expression, "target": {"context": chrome["context"]}, "awaitPromise": False},
        )
        if result.get("type") != "success":
            raise RuntimeError(f"setting {SCHEME_PREFERENCE}: {result}")

    async def answer_media_override(self, client: ServerConnection, message: dict[str, Any]) -> None:
        features = message.get("params", {}).get("features", {})
        try:
            await self.set_color_scheme(features.get("prefers-color-scheme"))
            reply: dict[str, Any] = {"type": "success", "id": message["id"], "result": {}}
        except RuntimeError as error:
            reply = {"type": "error", "id": message["id"], "error": "unknown error", "message": str(error)}
        await client.send(json.dumps(reply))


async def _relay(client: ServerConnection, firefox_url: str) -> None:
    path = client.request.path if client.request else "/session"
    async with connect(firefox_url + path, max_size=None, compression=None) as upstream:
        relay = _Relay(upstream)

        async def from_firefox() -> None:
            async for raw in upstream:
                message = json.loads(raw)
                answer = relay.pending.pop(message.get("id"), None) if "id" in message else None
                if answer is not None:
                    answer.set_result(message)
                elif message.get("method") in DOWNLOAD_EVENTS:
                    await client.send(json.dumps(relay.with_download_id(message)))
                else:
                    await client.send(raw)

        async def from_playwright() -> None:
            async for raw in client:
                message = json.loads(raw)
                if message.get("method") == UNKNOWN_TO_FIREFOX:
                    # In its own task: its replies come through from_firefox().
                    task = asyncio.create_task(relay.answer_media_override(client, message))
                    relay.answering.add(task)
                    task.add_done_callback(relay.answering.discard)
                else:
                    await upstream.send(raw)

        tasks = [asyncio.create_task(from_firefox()), asyncio.create_task(from_playwright())]
        with contextlib.suppress(ConnectionClosed):
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()


async def main(firefox: str, arguments: list[str]) -> int:
    process = await asyncio.create_subprocess_exec(
        firefox, *arguments, "--remote-allow-system-access", stderr=asyncio.subprocess.PIPE
    )
    assert process.stderr is not None
    server = None
    async for line in process.stderr:
        text = line.decode(errors="replace")
        match = LISTENING.search(text) if server is None else None
        if match:
            relay = functools.partial(_relay, firefox_url=match.group(1).rstrip("/"))
            server = await serve(relay, "127.0.0.1", 0, max_size=None, compression=None)
            port = next(iter(server.sockets)).getsockname()[1]
            text = f"WebDriver BiDi listening on ws://127.0.0.1:{port}\n"
        sys.stderr.write(text)
        sys.stderr.flush()
    code = await process.wait()
    if server is not None:
        server.close()
    return code


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2:])))
