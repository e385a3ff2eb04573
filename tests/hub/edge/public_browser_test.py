#!/usr/bin/python3
"""The public page (/public) as a citizen sees it on a phone: scripts/hub-local
(nginx in front of skm-hub, the packaged arrangement), data uploaded through
the real path (`skm import` into kiosk databases, then `skm sync`), three
periods made public by the admin on the dashboard's publish page in a real
browser, then /public opened without a session at 390x844 in Indonesian,
English and Javanese (Debian's chromium, headless, driven by python3-selenium).
Screenshots: ARTIFACTS/public-{id,en,jv}.png (the first screen),
public-{id,en,jv}-full.png (the whole page, layanan opened) and publish-admin.png.

Also through nginx: the page and open data are cacheable and set no cookie,
a kecamatan under min-n and every saran are absent, an unpublished period is
absent, and one address asking too fast is answered 429.

usage: public_browser_test.py BUILD_DIR REPO_DIR ARTIFACTS
"""
import base64
import csv
import datetime
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hub_edge  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

BUILD, REPO, ARTIFACTS = (os.path.abspath(a) for a in sys.argv[1:4])
UNSUR = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]
# name: (mean answer level, responses per month); Tugu is under min-n in every period.
KECAMATAN = {"Sukamaju": (3.4, 9), "Cibodas": (2.7, 7), "Megamendung": (3.0, 8), "Pasir Jambu": (3.2, 6), "Tugu": (3.0, 0)}
LAYANAN = ["KTP-el", "Kartu Keluarga", "Akta Kelahiran"]
SARAN = "Saran rahasia warga nomor"
PUBLIC = ["2024-S1", "2024-S2", "2025-S1"]  # 2025-S2 has data but stays unpublished

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def run(args, stdin=None):
    result = subprocess.run(args, input=stdin, capture_output=True, text=True,
                            env=dict(os.environ, SKM_ASSETS=os.path.join(REPO, "assets")))
    if result.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({result.returncode}): {result.stderr}")
    return result


def write_csv(path, kecamatan, level, per_month, rng):
    """2024-01 to 2025-12: per_month responses a month (Tugu: 2 in 2025-03 only)."""
    rows = 0
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["response_id", "submitted_at", "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan",
                    *UNSUR, "saran", "flags", "device_id", "questionnaire_version"])
        for year in (2024, 2025):
            for month in range(1, 13):
                n = per_month if per_month else (2 if (year, month) == (2025, 3) else 0)
                for i in range(n):
                    rows += 1
                    day = datetime.date(year, month, 1 + i % 27)
                    answers = [min(4, max(1, round(rng.gauss(level, 0.6)))) for _ in UNSUR]
                    saran = f"{SARAN} {rows} dari {kecamatan}" if i == 0 else ""
                    w.writerow([f"{kecamatan.lower().replace(' ', '-')}-{rows}", f"{day.isoformat()}T09:15:00+07:00", LAYANAN[i % len(LAYANAN)],
                                "LP"[i % 2], "30-39", "SMA", "Swasta", *answers, saran, "",
                                f"kiosk-{kecamatan.lower().replace(' ', '-')}", 1])
    return rows


def spki_of(pem):
    key = subprocess.run(["openssl", "x509", "-in", pem, "-pubkey", "-noout"], check=True, capture_output=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=key, check=True,
                         capture_output=True).stdout
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


def header(headers, name):
    return [v for k, v in headers if k.lower() == name.lower()]


def main():
    if os.path.isdir(ARTIFACTS):
        shutil.rmtree(ARTIFACTS)
    os.makedirs(ARTIFACTS)
    work = tempfile.mkdtemp(prefix="skm-hub-public-")
    hub = hub_edge.ProxiedHub(BUILD, REPO, os.path.join(work, "hub"))
    os.makedirs(hub.dir)
    driver = None
    try:
        hub.start()
        base = hub.url
        db = os.path.join(hub.dir, "hub.db")

        # Every kecamatan's kiosk uploads through the real path, through nginx.
        rng = random.Random(18)
        total = 0
        for kecamatan, (level, per_month) in KECAMATAN.items():
            device = "kiosk-" + kecamatan.lower().replace(" ", "-")
            token = run([hub.skm_hub, "enroll", "--db", db, "--kecamatan", kecamatan, "--device", device]).stdout.strip()
            kiosk_db = os.path.join(work, device + ".db")
            csv_file = os.path.join(work, device + ".csv")
            total += write_csv(csv_file, kecamatan, level, per_month, rng)
            run([hub.skm, "import", csv_file, "--db", kiosk_db])
            run([hub.skm, "sync", "--db", kiosk_db, "--once", "--hub", base + "/api/v1/batches", "--token", token,
                 "--ca", hub.ca, "--device", device])
        print(f"seeded {total} responses from {len(KECAMATAN)} kiosks", flush=True)

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={work}/chromium-profile", "--window-size=390,844",
                     f"--ignore-certificate-errors-spki-list={spki_of(os.path.join(hub.dir, 'tls', 'server.pem'))}",
                     "--lang=id"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        # A phone's viewport, whatever the window decorations of headless mode.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})

        def text():
            return driver.find_element(By.TAG_NAME, "body").text

        def load(url):
            driver.get(url)
            WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

        # Nothing is public yet.
        load(base + "/public")
        check("Sukamaju" not in text(), "nothing is public before an admin publishes a period")

        # The admin makes three periods public on the publish page; a year over them is refused.
        load(base + "/login")
        driver.find_element(By.ID, "username").send_keys("admin")
        driver.find_element(By.ID, "password").send_keys(hub.file("admin.password"))
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/overview"))
        for period in PUBLIC + ["2025"]:
            load(base + "/publish")
            field = driver.find_element(By.ID, "public_period")
            field.clear()
            field.send_keys(period)
            field.submit()
            WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/publish/public"))
            if period == "2025":
                check("bertumpang tindih" in text(), "a year over a public semester is refused")
            else:
                check(f"periode {period} kini ditandai publik" in text(), f"the admin makes {period} public")
        rows = driver.find_elements(By.CSS_SELECTOR, "#public-periods tbody tr")
        check(len(rows) == 3, f"the publish page lists the public periods ({len(rows)})")
        def full_shot(name):
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": 390, "height": height, "deviceScaleFactor": 1, "mobile": True})
            driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})

        full_shot("publish-admin")
        driver.delete_all_cookies()  # from here on a citizen, without a session

        for lang, title, words in [("id", "Hasil Survei Kepuasan Masyarakat", "Semester"),
                                   ("en", "Public Satisfaction Survey results", "Semester"),
                                   ("jv", "Asil Survei Kepuasan Masyarakat", "Semester")]:
            load(f"{base}/public?lang={lang}")
            body = text()
            check(title in body, f"/public?lang={lang} is in its language")
            check(driver.get_cookies() == [], f"/public?lang={lang} sets no cookie")
            for name in ["Sukamaju", "Cibodas", "Megamendung", "Pasir Jambu"]:
                check(name in body, f"{lang}: {name} is shown")
            check("Tugu" not in body, f"{lang}: Tugu (under min-n) is absent")
            check(SARAN not in driver.page_source, f"{lang}: no saran on the page")
            check(len(driver.find_elements(By.CSS_SELECTOR, "section.period")) == 3, f"{lang}: three public periods")
            check(len(driver.find_elements(By.CSS_SELECTOR, "svg.chart")) == 1, f"{lang}: the trend is drawn")
            check(len(driver.find_elements(By.TAG_NAME, "script")) == 0, f"{lang}: no script")
            width = driver.execute_script("return document.documentElement.scrollWidth")
            check(width <= 390, f"{lang}: nothing wider than the phone ({width}px)")
            driver.save_screenshot(os.path.join(ARTIFACTS, f"public-{lang}.png"))
            # The whole page with each period's layanan opened (a <details>, no script).
            for summary in driver.find_elements(By.CSS_SELECTOR, "details summary"):
                summary.click()
            full_shot(f"public-{lang}-full")

        # Through nginx, by hand: cacheable, no cookie, the open data holds the public periods only.
        for path in ["/public", "/public/data.csv", "/public/data.json"]:
            status, headers, body = hub_edge.request(hub, "GET", path)
            check(status == 200, f"GET {path} through nginx answers 200 ({status})")
            check(header(headers, "Cache-Control") == ["public, max-age=300"], f"GET {path} may be cached")
            check(header(headers, "Set-Cookie") == [], f"GET {path} sets no cookie")
            check(SARAN.encode() not in body and b"Tugu" not in body, f"GET {path} has no saran and no Tugu")
        status, _, body = hub_edge.request(hub, "GET", "/public/data.json")
        data = json.loads(body)
        periods = sorted({row["period"] for row in data["rows"]})
        check(periods == PUBLIC, f"the open data holds the public periods only ({periods})")
        check(data["licence"] == "CC BY 4.0", "the open data says its licence")
        # The same figures as the IKM API for a public period.
        status, _, body = hub_edge.request(hub, "GET", "/api/v1/ikm?period=2025-S1",
                                           headers={"Authorization": "Bearer " + hub.file("admin.token")})
        api = {k["kecamatan"]: k for k in json.loads(body)["kecamatan"]}
        mine = [r for r in data["rows"] if r["period"] == "2025-S1" and r["layanan"] is None]
        # 2025-S1: Tugu (2) is under min-n, so the smallest other kecamatan (Pasir Jambu) is withheld
        # with it: the kabupaten less the kecamatan shown is never Tugu alone.
        check(sorted(r["kecamatan"] for r in mine) == ["Cibodas", "Megamendung", "Sukamaju"],
              f"2025-S1: Tugu and, secondarily, Pasir Jambu are absent ({[r['kecamatan'] for r in mine]})")
        check(all(r["ikm"] == api[r["kecamatan"]]["ikm"] and r["respondents"] == api[r["kecamatan"]]["respondents"]
                  for r in mine), "the open data's kecamatan figures equal GET /api/v1/ikm's")
        check(any(r["kecamatan"] == "Pasir Jambu" for r in data["rows"] if r["period"] == "2024-S2"),
              "Pasir Jambu is shown where nothing needs withholding (2024-S2)")

        # One address asking too fast is slowed down by nginx (the hub never sees the excess).
        statuses = [hub_edge.request(hub, "GET", "/public/data.json", source="127.0.0.7")[0] for _ in range(60)]
        check(429 in statuses and statuses[0] == 200, f"one address asking too fast gets 429 ({statuses.count(429)} of 60)")
        check(hub_edge.request(hub, "GET", "/public", source="127.0.0.8")[0] == 200, "another address is still served")
    finally:
        if driver is not None:
            driver.quit()
        hub.stop()
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work} (hub.log, nginx/error.log)", flush=True)
    print(f"screenshots in {ARTIFACTS}", flush=True)
    if failures:
        print(f"{len(failures)} check(s) failed", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
