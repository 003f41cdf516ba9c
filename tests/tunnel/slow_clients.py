#!/usr/bin/env python3
"""N concurrent slow HTTP clients for tst_slowclients (loopback only, bounded in time).
Each sends its request head in three pieces 100 ms apart, then reads 4 KiB every 100 ms with a
4 KiB receive buffer for DURATION seconds, then closes. Prints "connected N" once all are
connected and "done min=.. max=.. failed=.." at the end.
Usage: slow_clients.py PORT HOST PATH COUNT DURATION"""
import asyncio
import socket
import sys
import time


async def client(loop, port, host, path, duration, stats):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.setblocking(False)
    got = 0
    try:
        await asyncio.wait_for(loop.sock_connect(s, ("127.0.0.1", port)), 10)
        stats["connected"] += 1
        req = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
        for part in (req[:7], req[7:20], req[20:]):
            await loop.sock_sendall(s, part)
            await asyncio.sleep(0.1)
        end = time.monotonic() + duration
        while time.monotonic() < end:
            data = await asyncio.wait_for(loop.sock_recv(s, 4096), 10)
            if not data:
                break
            got += len(data)
            await asyncio.sleep(0.1)
    except Exception as e:  # counted, reported
        stats["failed"] += 1
        stats["error"] = repr(e)
    finally:
        s.close()
    stats["got"].append(got)


async def main():
    port, host, path, count, duration = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    loop = asyncio.get_running_loop()
    stats = {"connected": 0, "failed": 0, "got": [], "error": ""}
    tasks = [asyncio.create_task(client(loop, port, host, path, duration, stats)) for _ in range(count)]
    while stats["connected"] + stats["failed"] < count:
        await asyncio.sleep(0.05)
    print(f"connected {stats['connected']}", flush=True)
    await asyncio.gather(*tasks)
    print(f"done min={min(stats['got'])} max={max(stats['got'])} failed={stats['failed']} {stats['error']}", flush=True)


asyncio.run(main())
