#!/usr/bin/env python3
"""A tiny SMTP server for tests/cluster/run.sh: accepts every mail and appends it to a file, one JSON object a line
({"from": ..., "to": [...], "data": ...}). Plain SMTP on loopback, no TLS, no authentication (the nodes are started
with Mail:Security=None). Standard library only (Python 3.11's smtpd is deprecated and gone from 3.12).

    python3 tests/cluster/smtp_sink.py PORT FILE
"""
import json
import socketserver
import sys
import threading

PORT = int(sys.argv[1])
FILE = sys.argv[2]
WRITE = threading.Lock()


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode("ascii"))
        self.wfile.flush()

    def handle(self):
        self.reply("220 dp-cluster-sink ESMTP")
        sender, recipients = None, []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb == "EHLO":
                self.reply("250-dp-cluster-sink")
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 dp-cluster-sink")
            elif verb == "MAIL":
                sender, recipients = line[10:].strip().split(" ")[0].strip("<>"), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(line[8:].strip().split(" ")[0].strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    raw = self.rfile.readline()
                    if not raw:
                        return
                    if raw in (b".\r\n", b".\n"):
                        break
                    lines.append(raw[1:] if raw.startswith(b"..") else raw)
                data = b"".join(lines).decode("utf-8", "replace")
                with WRITE, open(FILE, "a", encoding="utf-8") as f:
                    f.write(json.dumps({"from": sender, "to": recipients, "data": data}, ensure_ascii=False) + "\n")
                self.reply("250 OK: queued")
                sender, recipients = None, []
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server(("127.0.0.1", PORT), Session) as server:
        server.serve_forever()
