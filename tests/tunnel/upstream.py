#!/usr/bin/env python3
"""Test upstream for tests/tunnel: a small HTTP/1.1 server standing in for a deployed app.

GET  /hello            "hello\n"
GET  /headers          the request headers, one "name: value" per line
GET  /chunked?n=N      N chunks "chunk i\n" with Transfer-Encoding: chunked
GET  /big?size=N       N bytes, byte i = i % 251, with Content-Length
GET  /slow?ms=N        waits N ms, then "slow\n"
GET  /status/N         empty response with status N
POST|PUT /upload       reads the body (Content-Length or chunked); answers "size sha256\n"
Usage: upstream.py PORT  (binds 127.0.0.1 only)
"""
import hashlib
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PERIOD = bytes(i % 251 for i in range(251 * 4096))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, ctype="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urlsplit(self.path)
        q = parse_qs(url.query)
        if url.path == "/hello":
            self.reply(200, b"hello\n")
        elif url.path == "/headers":
            body = "".join(f"{k}: {v}\n" for k, v in self.headers.items()).encode()
            self.reply(200, body)
        elif url.path == "/chunked":
            n = int(q.get("n", ["5"])[0])
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(n):
                data = f"chunk {i}\n".encode()
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        elif url.path == "/big":
            size = int(q.get("size", ["1048576"])[0])
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            sent = 0
            while sent < size:
                chunk = PERIOD[: min(len(PERIOD), size - sent)]
                self.wfile.write(chunk)
                sent += len(chunk)
        elif url.path == "/slow":
            time.sleep(int(q.get("ms", ["1000"])[0]) / 1000.0)
            self.reply(200, b"slow\n")
        elif url.path.startswith("/status/"):
            self.reply(int(url.path.split("/")[2]), b"")
        else:
            self.reply(404, b"not found\n")

    def read_body(self):
        h = hashlib.sha256()
        size = 0
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                line = self.rfile.readline()
                n = int(line.split(b";")[0].strip(), 16)
                if n == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                left = n
                while left:
                    data = self.rfile.read(min(left, 1 << 20))
                    h.update(data)
                    left -= len(data)
                size += n
                self.rfile.readline()
        else:
            left = int(self.headers.get("Content-Length", "0"))
            while left:
                data = self.rfile.read(min(left, 1 << 20))
                if not data:
                    break
                h.update(data)
                size += len(data)
                left -= len(data)
        return size, h.hexdigest()

    def do_POST(self):
        size, digest = self.read_body()
        self.reply(200, f"{size} {digest}\n".encode())

    do_PUT = do_POST

    def do_DELETE(self):
        self.do_GET()


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
