"""The hub under attack, as an outsider (and one hostile kiosk) would try it.

Shared by the attack tests (hub_edge_test.py, thresholds asserted behind the
proxy) and the benchmark (bench/hub-edge, the same attacks on the hub alone and
behind the proxy, in one run). A target is a running hub: `ProxiedHub` starts
scripts/hub-local (nginx in front, the packaged arrangement), `DirectHub` starts
`skm-hub serve --cert --key` with the same database layout and certificate.
Memory is the resident size of every server process (the hub, nginx's master
and its workers), sampled while an attack runs.
"""

import gzip
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.parse

# ---- targets ---------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read(path):
    with open(path) as f:
        return f.read().strip()


class Hub:
    """What every target has: its folder (the hub-local layout) and URL."""

    def __init__(self, build, repo, workdir):
        self.build, self.repo, self.dir = build, repo, workdir
        self.skm = os.path.join(build, "tools", "skm")
        self.skm_hub = os.path.join(build, "hub", "skm-hub")
        self.procs = []

    @property
    def url(self):
        return read(os.path.join(self.dir, "url"))

    @property
    def port(self):
        return int(urllib.parse.urlparse(self.url).port)

    @property
    def ca(self):
        return os.path.join(self.dir, "ca.pem")

    def file(self, name):
        return read(os.path.join(self.dir, name))

    def tls_context(self):
        ctx = ssl.create_default_context(cafile=self.ca)
        ctx.check_hostname = False
        return ctx

    def server_pids(self):
        raise NotImplementedError

    def rss_bytes(self):
        total = 0
        for pid in self.server_pids():
            try:
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
            except FileNotFoundError:
                pass
        return total

    def hub_rows(self):
        db = sqlite3.connect(f"file:{os.path.join(self.dir, 'hub.db')}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM responses").fetchone()[0]
        finally:
            db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def children(pid):
    kids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                kids.append(int(entry))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return kids


class ProxiedHub(Hub):
    """scripts/hub-local DIR PORT: nginx in front, skm-hub behind it."""

    def start(self, port=None):
        self.port_wanted = port or free_port()
        env = dict(os.environ, SKM_HUB=self.skm_hub)
        self.procs.append(subprocess.Popen([os.path.join(self.repo, "scripts", "hub-local"), self.dir,
                                            str(self.port_wanted)], env=env, stdout=subprocess.DEVNULL,
                                           stderr=open(os.path.join(self.dir, "hub-local.log"), "w")))
        deadline = time.monotonic() + 60
        while not os.path.exists(os.path.join(self.dir, "ready")):
            if self.procs[0].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("hub-local did not become ready: " + open(os.path.join(self.dir, "hub-local.log")).read())
            time.sleep(0.1)
        return self

    def server_pids(self):
        pids = []
        for pid in children(self.procs[0].pid):
            pids.append(pid)
            pids.extend(children(pid))  # nginx workers
        return pids


class DirectHub(Hub):
    """skm-hub serve --cert --key on its own: what a public hub was before the proxy."""

    def start(self):
        # The same first-use set-up as hub-local (CA, device, user, tokens), then hub-local is stopped.
        ProxiedHub(self.build, self.repo, self.dir).start().stop()
        port = free_port()
        with open(os.path.join(self.dir, "url"), "w") as f:
            f.write(f"https://127.0.0.1:{port}\n")
        log = open(os.path.join(self.dir, "direct.log"), "w")
        self.procs.append(subprocess.Popen(
            [self.skm_hub, "serve", "--db", os.path.join(self.dir, "hub.db"), "--listen", f"127.0.0.1:{port}",
             "--cert", os.path.join(self.dir, "tls", "server.pem"), "--key", os.path.join(self.dir, "tls", "server.key"),
             "--admin-token-file", os.path.join(self.dir, "admin.token")], stdout=subprocess.DEVNULL, stderr=log))
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _, _ = request(self, "GET", "/login", timeout=2)
                if status == 200:
                    return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("skm-hub serve did not answer")
            time.sleep(0.1)

    def server_pids(self):
        return [self.procs[0].pid]


# The dashboard's session cookie (hub/web/sessions.hpp kSessionCookie).
SESSION_COOKIE = "skm_session"

# ---- HTTP by hand (so the client address and timing are ours) ---------------------------


def request(hub, method, path, body=None, headers=None, source="127.0.0.1", timeout=10):
    conn = http.client.HTTPSConnection("127.0.0.1", hub.port, context=hub.tls_context(), timeout=timeout,
                                       source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.getheaders(), r.read()
    finally:
        conn.close()


def cookie_of(headers, name):
    for key, value in headers:
        if key.lower() == "set-cookie":
            m = re.search(name + r"=([^;]*)", value)
            if m:
                return m.group(1)
    return None


def sign_in(hub, password, source):
    """GET /login for the form's CSRF pair, then POST it. Returns (status, headers)."""
    status, headers, body = request(hub, "GET", "/login", source=source)
    csrf_cookie = cookie_of(headers, "skm_login_csrf")
    token = re.search(rb'name="csrf" value="([^"]*)"', body).group(1).decode()
    form = urllib.parse.urlencode({"csrf": token, "username": "admin", "password": password})
    status, headers, _ = request(hub, "POST", "/login", body=form, source=source,
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Cookie": f"skm_login_csrf={csrf_cookie}"})
    return status, headers


# ---- memory while an attack runs ---------------------------------------------------------


class PeakRss:
    """Samples the servers' total RSS every 20 ms between start and stop."""

    def __init__(self, hub):
        self.hub, self.peak, self.base = hub, 0, hub.rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.hub.rss_bytes())
            time.sleep(0.02)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.hub.rss_bytes())

    @property
    def growth_mb(self):
        return max(0, self.peak - self.base) / 1e6


# ---- attacks ------------------------------------------------------------------------------


def client_hello_bytes():
    """A real TLS ClientHello, to be sent one byte at a time."""
    ctx = ssl.create_default_context()
    obj = ctx.wrap_bio(ssl.MemoryBIO(), out := ssl.MemoryBIO(), server_hostname="localhost")
    try:
        obj.do_handshake()
    except ssl.SSLWantReadError:
        pass
    return out.read()


class SlowClients:
    """`count` connections that trickle (half) a ClientHello or (half) request
    headers one byte every `pause` seconds, reconnecting whenever dropped."""

    def __init__(self, hub, count=64, pause=2.0):
        self.hub, self.count, self.pause = hub, count, pause
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._trickle, args=(i % 2 == 0,), daemon=True) for i in range(count)]
        self.hello = client_hello_bytes()
        self.connected = 0
        self.lock = threading.Lock()

    def _trickle(self, hello):
        while not self.stop.is_set():
            try:
                raw = socket.create_connection(("127.0.0.1", self.hub.port), timeout=30)
                sock = raw
                if hello:
                    payload = self.hello
                else:
                    sock = self.hub.tls_context().wrap_socket(raw, server_hostname="localhost")
                    payload = b"GET /login HTTP/1.1\r\nHost: localhost\r\n" + b"X-Slow: 1\r\n" * 10000
                with self.lock:
                    self.connected += 1
                for i in range(len(payload)):
                    if self.stop.wait(self.pause):
                        break
                    sock.sendall(payload[i:i + 1])
                sock.close()
            except (OSError, ssl.SSLError):
                self.stop.wait(0.2)

    def __enter__(self):
        for t in self.threads:
            t.start()
        deadline = time.monotonic() + 10
        while self.connected < self.count and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(self.pause + 0.5)  # every one has sent its first bytes
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=5)


def kiosk_db(hub, count):
    """A kiosk database with `count` responses made by the kiosk's own path."""
    path = os.path.join(hub.dir, f"kiosk-{count}-{time.monotonic_ns()}.db")
    subprocess.run([hub.skm, "simulate", "--db", path, "--count", str(count)], check=True,
                   stdout=subprocess.DEVNULL)
    return path


def sync(hub, db, timeout):
    """`skm sync --once`; returns (seconds, exit code) or (None, None) on timeout."""
    started = time.monotonic()
    try:
        r = subprocess.run([hub.skm, "sync", "--db", db, "--once", "--hub", hub.url + "/api/v1/batches",
                            "--token", hub.file("device.token"), "--ca", hub.ca, "--device", "kiosk-uji-01"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
        return time.monotonic() - started, r.returncode
    except subprocess.TimeoutExpired:
        return None, None


def timed_get_login(hub, timeout):
    started = time.monotonic()
    try:
        status, _, _ = request(hub, "GET", "/login", timeout=timeout)
        return time.monotonic() - started, status
    except (OSError, ssl.SSLError):
        return None, None


def slow_clients_attack(hub, count=64, responses=200, timeout=30):
    db = kiosk_db(hub, responses)
    with SlowClients(hub, count):
        sync_s, sync_exit = sync(hub, db, timeout)
        login_s, login_status = timed_get_login(hub, timeout)
    return {"sync_s": sync_s, "sync_exit": sync_exit, "login_s": login_s, "login_status": login_status}


def header_flood(hub, connections=2, mib=40):
    """Each connection sends `mib` MiB of short header lines as fast as it may."""
    line = b"X-Flood: aaaaaaaaaaaaaaaaaaaaaaaa\r\n"
    chunk = line * (65536 // len(line))
    sent = [0] * connections

    def flood(i):
        try:
            sock = hub.tls_context().wrap_socket(socket.create_connection(("127.0.0.1", hub.port), timeout=30),
                                                 server_hostname="localhost")
            sock.sendall(b"GET /login HTTP/1.1\r\nHost: localhost\r\n")
            while sent[i] < mib << 20:
                sock.sendall(chunk)
                sent[i] += len(chunk)
            sock.sendall(b"\r\n")
            sock.recv(1024)
            sock.close()
        except (OSError, ssl.SSLError):
            pass  # the server hung up: the bound worked

    with PeakRss(hub) as rss:
        threads = [threading.Thread(target=flood, args=(i,)) for i in range(connections)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
    return {"growth_mb": rss.growth_mb, "sent_mib": sum(sent) / (1 << 20)}


def amplification_body():
    """About 8 KB of gzip that unpacks to 8 MiB of `[{},{},…]` in a batch's shape."""
    items = "{}," * ((8 << 20) // 3 - 40)
    doc = '{"protocol":1,"device_id":"kiosk-uji-01","batch_id":"b","responses":[' + items + "{}]}"
    return gzip.compress(doc.encode(), 9)


def json_amplification(hub, parallel=8):
    body = amplification_body()
    statuses = []
    headers = {"Authorization": "Bearer " + hub.file("device.token"), "Content-Type": "application/json",
               "Content-Encoding": "gzip"}

    def post():
        try:
            statuses.append(request(hub, "POST", "/api/v1/batches", body=body, headers=headers, timeout=60)[0])
        except (OSError, ssl.SSLError) as e:
            statuses.append(str(e))

    with PeakRss(hub) as rss:
        threads = [threading.Thread(target=post) for _ in range(parallel)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return {"growth_mb": rss.growth_mb, "statuses": sorted(map(str, statuses)), "body_bytes": len(body)}


def login_lockout(hub, wrong=8, stranger="127.0.0.9", owner="127.0.0.1"):
    wrong_statuses = [sign_in(hub, "not-the-password", stranger)[0] for _ in range(wrong)]
    status, headers = sign_in(hub, hub.file("admin.password"), owner)
    return {"wrong": wrong_statuses, "owner_status": status,
            "owner_session": cookie_of(headers, SESSION_COOKIE) is not None}


def tls_protocols_and_suites(hub):
    """Old protocols offered by a client that allows them, and every TLS 1.2 suite tried one by one."""
    old = {}
    for flag in ("-tls1", "-tls1_1"):
        r = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{hub.port}", flag, "-cipher",
                            "DEFAULT@SECLEVEL=0"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=20)
        m = re.search(r"Protocol\s*:\s*(\S+)", r.stdout)
        old[flag] = m.group(1) if m and "Cipher is (NONE)" not in r.stdout and r.returncode == 0 else "refused"
    listing = subprocess.run(["openssl", "ciphers", "ALL:COMPLEMENTOFALL:@SECLEVEL=0"], capture_output=True,
                             text=True, check=True).stdout.strip().split(":")
    accepted = []
    for suite in listing:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        ctx.minimum_version = ctx.maximum_version = ssl.TLSVersion.TLSv1_2
        try:
            ctx.set_ciphers(suite + ":@SECLEVEL=0")
        except ssl.SSLError:
            continue
        try:
            with ctx.wrap_socket(socket.create_connection(("127.0.0.1", hub.port), timeout=5)) as s:
                accepted.append(s.cipher()[0])
        except (OSError, ssl.SSLError):
            pass
    return {"old": old, "tls12_suites": sorted(set(accepted))}


def bad_response_id(hub, bad_id='not-a-uuid"'):
    """A kiosk whose outbox holds an id outside the allowed form."""
    db = kiosk_db(hub, 1)
    con = sqlite3.connect(db)
    con.execute("UPDATE responses SET response_id = ?", (bad_id,))
    con.commit()
    con.close()
    before = hub.hub_rows()
    seconds, code = sync(hub, db, 60)
    con = sqlite3.connect(db)
    state, note = con.execute("SELECT sync_state, sync_note FROM responses WHERE response_id = ?", (bad_id,)).fetchone()
    con.close()
    return {"sync_exit": code, "rows_added": hub.hub_rows() - before, "kiosk_state": state, "kiosk_note": note}


def workdir(prefix):
    return tempfile.mkdtemp(prefix=prefix)
