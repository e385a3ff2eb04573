#!/usr/bin/python3
"""A local HTTPS endpoint in the Telegram Bot API's place, for the hub's alert tests.

    telegram_server.py MODE CERT KEY OUTDIR

MODE: "ok" or "refuse-first" (the first POST gets 503 with {"ok": false}).
Each accepted POST is written to OUTDIR/<n>.json: its path, Content-Type and
JSON body. The port is written to OUTDIR/port once the server listens.
"""
import http.server
import json
import pathlib
import ssl
import sys
import threading


def main():
    mode, cert, key, outdir = sys.argv[1:5]
    outdir = pathlib.Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    lock = threading.Lock()
    posts = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            with lock:
                posts[0] += 1
                if mode == "refuse-first" and posts[0] == 1:
                    return self.answer(503, {"ok": False, "error_code": 503, "description": "Service Unavailable: retry later"})
                n = len(list(outdir.glob("*.json")))
                record = {"path": self.path, "content_type": self.headers.get("Content-Type"),
                          "body": json.loads(raw.decode("utf-8"))}
                tmp = outdir / f"{n}.tmp"
                tmp.write_text(json.dumps(record, ensure_ascii=False))
                tmp.rename(outdir / f"{n}.json")
            self.answer(200, {"ok": True, "result": {"message_id": n + 1}})

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    tmp = outdir / "port.tmp"
    tmp.write_text(str(server.server_address[1]))
    tmp.rename(outdir / "port")
    server.serve_forever()


if __name__ == "__main__":
    main()
