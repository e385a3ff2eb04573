"""One attack on scripts/hub-local (nginx in front of skm-hub), its bound asserted.

    hub_edge_test.py ATTACK BUILD_DIR REPO_DIR

ATTACK: slow_clients, header_flood, json_amplification, login_lockout, tls, bad_id.
Bounds (issue [1/9], docs/hub.md): with 64 slow clients `skm sync` of 200
responses in < 10 s and GET /login in < 3 s; a 2 x 40 MiB header flood grows the
server processes' RSS by < 150 MB; 8 parallel JSON-amplification bodies by
< 100 MB, all refused; 8 wrong passwords from 127.0.0.9 do not stop the owner
signing in from 127.0.0.1; TLS 1.0/1.1 refused and only ECDHE suites offered
for TLS 1.2 with an RSA certificate; a response id outside the allowed form
refused with nothing stored. Runs in the optimised build only (label
no_sanitizer): memory figures mean nothing under ASan.
"""

import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hub_edge  # noqa: E402

failures = []


def expect(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def proxy_suites(repo):
    """The TLS 1.2 suites the snippet names that an RSA certificate can use."""
    text = open(os.path.join(repo, "packaging", "nginx", "skm-hub-proxy.conf")).read()
    suites = re.search(r"^ssl_ciphers ([^;]+);", text, re.M).group(1).split(":")
    return sorted(s for s in suites if not s.startswith("ECDHE-ECDSA-"))


def main():
    attack, build, repo = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    work = hub_edge.workdir(f"hub-edge-{attack}-")
    with hub_edge.ProxiedHub(build, repo, work).start() as hub:
        if attack == "slow_clients":
            rows = hub.hub_rows()
            r = hub_edge.slow_clients_attack(hub)
            print(r)
            expect(r["sync_exit"] == 0 and r["sync_s"] is not None and r["sync_s"] < 10,
                   f"skm sync of 200 responses under 64 slow clients took {r['sync_s']} s (exit {r['sync_exit']}), < 10 s")
            expect(hub.hub_rows() - rows == 200, f"200 responses stored, {hub.hub_rows() - rows} found")
            expect(r["login_status"] == 200 and r["login_s"] is not None and r["login_s"] < 3,
                   f"GET /login under 64 slow clients took {r['login_s']} s (status {r['login_status']}), < 3 s")
        elif attack == "header_flood":
            r = hub_edge.header_flood(hub)
            print(r)
            expect(r["growth_mb"] < 150, f"2 x 40 MiB header flood: RSS grew {r['growth_mb']:.1f} MB, < 150 MB")
            status, _, _ = hub_edge.request(hub, "GET", "/login")
            expect(status == 200, f"GET /login after the flood answered {status}")
        elif attack == "json_amplification":
            r = hub_edge.json_amplification(hub)
            print({k: v for k, v in r.items()})
            expect(r["growth_mb"] < 100, f"8 parallel amplification bodies: RSS grew {r['growth_mb']:.1f} MB, < 100 MB")
            expect(all(s in ("400", "413") for s in r["statuses"]), f"all refused with 400/413: {r['statuses']}")
            expect(hub.hub_rows() == 0, "nothing stored")
        elif attack == "login_lockout":
            r = hub_edge.login_lockout(hub)
            print(r)
            expect(all(s in (401, 429) for s in r["wrong"]), f"wrong passwords refused: {r['wrong']}")
            expect(r["owner_status"] == 303 and r["owner_session"],
                   f"the owner signs in from 127.0.0.1 after 8 wrong passwords from 127.0.0.9: {r['owner_status']}")
        elif attack == "tls":
            r = hub_edge.tls_protocols_and_suites(hub)
            print(r)
            expect(r["old"] == {"-tls1": "refused", "-tls1_1": "refused"}, f"TLS 1.0 and 1.1 refused: {r['old']}")
            expect(all(s.startswith("ECDHE-") for s in r["tls12_suites"]), "only ECDHE suites for TLS 1.2")
            expect(r["tls12_suites"] == proxy_suites(repo),
                   f"TLS 1.2 suites with an RSA certificate are exactly the snippet's: {r['tls12_suites']}")
        elif attack == "bad_id":
            r = hub_edge.bad_response_id(hub)
            print(r)
            # The hub refuses the body naming the item; the kiosk sets that item aside (kept, marked
            # rejected with the hub's reason) instead of sending the same refused body for ever.
            expect(r["sync_exit"] == 0, f"skm sync finishes (exit {r['sync_exit']})")
            expect(r["rows_added"] == 0, f"nothing stored at the hub ({r['rows_added']} rows added)")
            expect(r["kiosk_state"] == "rejected" and "protocol.bad_response_id" in (r["kiosk_note"] or ""),
                   f"the kiosk keeps the row, refused with the hub's reason: {r['kiosk_state']} {r['kiosk_note']}")
        else:
            sys.exit(f"unknown attack {attack}")
    if failures:
        print(f"hub-local folder kept for a look: {work}")
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
