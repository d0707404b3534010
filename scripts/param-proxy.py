#!/usr/bin/env python3
"""Forward GET requests to a running service with extra query parameters, to measure a request
option with tools that do not send it (issue 11, twelfth pass: `copies=fold`).

usage: python3 scripts/param-proxy.py PORT TARGET_URL 'copies=fold'   (loopback only)
then:  sh bench/measure-trust.sh http://localhost:PORT
"""
import sys
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, target, extra = int(sys.argv[1]), sys.argv[2].rstrip("/"), sys.argv[3]


class Forward(BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path + ("&" if "?" in self.path else "?") + extra if self.path.startswith("/api/search") else self.path
        try:
            with urllib.request.urlopen(target + path, timeout=60) as r:
                status, body, kind = r.status, r.read(), r.headers.get("content-type", "application/json")
        except urllib.error.HTTPError as e:
            status, body, kind = e.code, e.read(), e.headers.get("content-type", "application/json")
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Forward).serve_forever()
