#!/usr/bin/python3
"""A local SMTP server for the hub's alert tests (Debian python3-aiosmtpd).

    smtp_server.py MODE CERT KEY OUTDIR

MODE: "ok" (accept every message), "refuse-first" (answer the first DATA with
451, accept the rest) or "hang" (accept TCP connections and never say a word).
STARTTLS is offered with CERT/KEY and required before MAIL. Each accepted
message is written to OUTDIR/<n>.json as the server understood it (envelope,
whether TLS was on, and the decoded subject and body, parsed by Python's email
package, not by the code under test). The port is written to OUTDIR/port once
the server listens; OUTDIR/accepted gets a line per TCP connection in hang mode.
"""
import email
import email.policy
import json
import pathlib
import signal
import socket
import ssl
import sys
import threading


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_atomic(path, text):
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    tmp.rename(path)


def hang(outdir):
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    write_atomic(outdir / "port", str(server.getsockname()[1]))
    kept = []
    while True:
        conn, _ = server.accept()
        kept.append(conn)  # never read, never written, never closed
        with open(outdir / "accepted", "a") as f:
            f.write("1\n")


def serve(mode, cert, key, outdir):
    from aiosmtpd.controller import Controller

    class Handler:
        def __init__(self):
            self.data_commands = 0
            self.lock = threading.Lock()

        async def handle_DATA(self, server, session, envelope):
            with self.lock:
                self.data_commands += 1
                if mode == "refuse-first" and self.data_commands == 1:
                    return "451 4.3.0 Try again later"
                n = len(list(outdir.glob("*.json")))
                msg = email.message_from_bytes(envelope.original_content or envelope.content,
                                               policy=email.policy.default)
                record = {
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": envelope.rcpt_tos,
                    "tls": session.ssl is not None,
                    "subject": str(msg["subject"]),
                    "from": str(msg["from"]),
                    "to": str(msg["to"]),
                    "message_id": str(msg["message-id"]),
                    "body": msg.get_content(),
                }
                write_atomic(outdir / f"{n}.json", json.dumps(record, ensure_ascii=False))
            return "250 OK"

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True)
    controller.start()
    write_atomic(outdir / "port", str(port))
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    while True:
        signal.pause()


def main():
    mode, cert, key, outdir = sys.argv[1:5]
    outdir = pathlib.Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    if mode == "hang":
        hang(outdir)
    else:
        serve(mode, cert, key, outdir)


if __name__ == "__main__":
    main()
