"""bench/hub-edge: the hub alone and behind nginx under the same attacks, one run.

Writes bench/results/hub-edge.md and hub-edge.json. The attacks and their
measurement are tests/hub/edge/hub_edge.py's (the attack tests assert the bounds
behind the proxy; this records both sides)."""

import datetime
import json
import os
import shutil
import subprocess
import sys

build, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
sys.path.insert(0, os.path.join(repo, "tests", "hub", "edge"))
import hub_edge  # noqa: E402


def run(kind):
    """Each attack on a fresh hub of this kind (so one attack's aftermath never colours the next)."""
    results = {}
    for attack in ("slow_clients", "header_flood", "json_amplification", "login_lockout", "tls", "bad_id"):
        work = hub_edge.workdir(f"hub-edge-bench-{kind}-")
        hub = hub_edge.ProxiedHub(build, repo, work) if kind == "proxy" else hub_edge.DirectHub(build, repo, work)
        with hub.start():
            base = hub.rss_bytes()
            if attack == "slow_clients":
                r = hub_edge.slow_clients_attack(hub, timeout=40)
            elif attack == "header_flood":
                r = hub_edge.header_flood(hub)
            elif attack == "json_amplification":
                r = hub_edge.json_amplification(hub)
            elif attack == "login_lockout":
                r = hub_edge.login_lockout(hub)
            elif attack == "tls":
                r = hub_edge.tls_protocols_and_suites(hub)
            else:
                r = hub_edge.bad_response_id(hub)
            r["rss_before_mb"] = base / 1e6
            results[attack] = r
            print(kind, attack, r, flush=True)
        shutil.rmtree(work, ignore_errors=True)
    return results


def seconds(value):
    return "timed out (40 s)" if value is None else f"{value:.2f} s"


def sync_outcome(r):
    if r["sync_s"] is None:
        return "timed out (40 s)"
    return f"{r['sync_s']:.2f} s" if r["sync_exit"] == 0 else f"failed after {r['sync_s']:.2f} s (exit {r['sync_exit']})"


def main():
    figures = {"date": datetime.date.today().isoformat(), "cores": os.cpu_count(),
               "nginx": subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip(),
               "alone": run("alone"), "proxy": run("proxy")}
    out = os.path.join(repo, "bench", "results")
    with open(os.path.join(out, "hub-edge.json"), "w") as f:
        json.dump(figures, f, indent=1)
    a, p = figures["alone"], figures["proxy"]
    rows = [
        ("64 slow clients: `skm sync` of 200 responses", sync_outcome(a["slow_clients"]),
         sync_outcome(p["slow_clients"]), "< 10 s"),
        ("64 slow clients: GET /login", seconds(a["slow_clients"]["login_s"]), seconds(p["slow_clients"]["login_s"]),
         "< 3 s"),
        ("2 × 40 MiB header flood: RSS growth", f"{a['header_flood']['growth_mb']:.0f} MB",
         f"{p['header_flood']['growth_mb']:.0f} MB", "< 150 MB"),
        ("8 parallel JSON-amplification bodies: RSS growth", f"{a['json_amplification']['growth_mb']:.0f} MB",
         f"{p['json_amplification']['growth_mb']:.0f} MB", "< 100 MB"),
        ("8 wrong passwords from 127.0.0.9, then the owner from 127.0.0.1",
         "signed in" if a["login_lockout"]["owner_session"] else f"refused ({a['login_lockout']['owner_status']})",
         "signed in" if p["login_lockout"]["owner_session"] else f"refused ({p['login_lockout']['owner_status']})",
         "signed in"),
        ("TLS 1.0 / 1.1 (client allowing them)", " / ".join(a["tls"]["old"].values()),
         " / ".join(p["tls"]["old"].values()), "refused"),
        ("TLS 1.2 suites offered with an RSA certificate", ", ".join(a["tls"]["tls12_suites"]),
         ", ".join(p["tls"]["tls12_suites"]), "ECDHE only"),
        ("response id `not-a-uuid\"`: rows stored", str(a["bad_id"]["rows_added"]), str(p["bad_id"]["rows_added"]), "0"),
    ]
    lines = [
        "# The hub under attack: alone and behind nginx",
        "",
        f"`bench/hub-edge`, {figures['date']}, {figures['cores']} cores, {figures['nginx']}; both columns in one run.",
        "\"Alone\" is `skm-hub serve --cert --key` (this release's hub: TLS policy from the proxy snippet, bounded",
        "JSON, the login throttle); \"behind nginx\" is `scripts/hub-local`, the packaged arrangement. Each attack",
        "runs on a fresh hub; RSS is the sum over the server processes (hub, nginx master and worker), sampled",
        "every 20 ms. The attacks are tests/hub/edge/hub_edge.py's; the tests assert the goal column behind nginx.",
        "",
        "| attack | hub alone | behind nginx | goal |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |" for r in rows]
    lines += ["", "Raw figures: `hub-edge.json`.", ""]
    with open(os.path.join(out, "hub-edge.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


main()
