#!/usr/bin/env python3
"""WebSocket echo check through the ingress (Debian's python3-websockets).
Usage: ws_client.py ws://NAME.ttalkak.test:PORT/ PORT  — connects to 127.0.0.1:PORT with that Host."""
import asyncio
import sys

import websockets


async def main(url, port):
    async with websockets.connect(url, host="127.0.0.1", port=port, max_size=None) as ws:
        for i in range(20):
            msg = f"message {i}"
            await ws.send(msg)
            got = await ws.recv()
            assert got == msg, (got, msg)
        blob = bytes(range(256)) * 4096 * 2  # 2 MB binary frame
        await ws.send(blob)
        got = await ws.recv()
        assert got == blob, len(got)
    print("OK")


asyncio.run(asyncio.wait_for(main(sys.argv[1], int(sys.argv[2])), 30))
