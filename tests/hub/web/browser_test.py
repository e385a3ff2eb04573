#!/usr/bin/python3
"""The web dashboard in a real browser: Debian's chromium, headless, driven by
python3-selenium through chromium-driver, against a real `skm-hub serve`
(HTTPS with a test CA made here) whose data arrived through the real upload
path (`skm import` into kiosk databases, then `skm sync` to the hub).

A person's path: sign in, read the overview, open a kecamatan, download the
recap (CSV) and the kecamatan's PDF, revoke a kiosk (whose next upload is then
refused), switch to English, and the same pages at phone width (390x844).
Screenshots go to ARTIFACTS (build/<kind>/test-artifacts/hub-web-screenshots).

The browser trusts exactly the test server's key, by its SPKI hash
(--ignore-certificate-errors-spki-list): other certificate errors still fail.

usage: browser_test.py SKM_HUB SKM ASSETS ARTIFACTS
"""
import base64
import csv
import datetime
import hashlib
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SKM_HUB, SKM, ASSETS, ARTIFACTS = sys.argv[1:5]
ADMIN_PASSWORD = "sandi-admin-bappeda-2025"
VIEWER_PASSWORD = "sandi-viewer-organisasi"
UNSUR = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]
KECAMATAN = {  # name: mean answer level, so the kecamatan differ
    "Sukamaju": 3.4, "Sukamakmur": 3.1, "Cibodas": 2.7, "Cisarua": 3.2, "Megamendung": 2.9, "Ciawi": 3.0,
}
LAYANAN = ["KTP-el", "Kartu Keluarga", "Akta Kelahiran", "Surat Pindah", "Legalisasi"]
SARAN = ["Antrean pagi terlalu panjang, mohon tambah loket.", "Petugas ramah dan cepat.",
         "Ruang tunggu panas, perlu kipas angin.", "Informasi persyaratan di papan kurang jelas.",
         "<script>alert('xss')</script> x'); DROP TABLE responses; --"]

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def run(args, stdin=None, ok=True):
    result = subprocess.run(args, input=stdin, capture_output=True, text=True, env=dict(os.environ, SKM_ASSETS=ASSETS))
    if ok and result.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({result.returncode}): {result.stderr}")
    return result


def make_pki(d):
    def openssl(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{d}/ca.key", "-out", f"{d}/ca.pem",
            "-days", "2", "-subj", "/CN=SKM browser-test CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{d}/server.key", "-out", f"{d}/server.csr",
            "-subj", "/CN=127.0.0.1")
    with open(f"{d}/ext.cnf", "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", f"{d}/server.csr", "-CA", f"{d}/ca.pem", "-CAkey", f"{d}/ca.key",
            "-CAcreateserial", "-out", f"{d}/server.pem", "-days", "2", "-extfile", f"{d}/ext.cnf")
    der = subprocess.run(["openssl", "x509", "-in", f"{d}/server.pem", "-pubkey", "-noout"], check=True,
                         capture_output=True).stdout
    spki = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=der, check=True,
                          capture_output=True).stdout
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_csv(path, kecamatan, level, today, rng):
    """Two years of one kecamatan's responses, in the kiosk's CSV format."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["response_id", "submitted_at", "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan",
                    *UNSUR, "saran", "flags", "device_id", "questionnaire_version"])
        day = today - datetime.timedelta(days=700)
        n = 0
        while day <= today:
            for _ in range(rng.randint(0, 2)):
                n += 1
                answers = [min(4, max(1, round(rng.gauss(level, 0.6)))) for _ in UNSUR]
                saran = rng.choice(SARAN) if rng.random() < 0.08 else ""
                w.writerow([f"{kecamatan}-{n}", f"{day.isoformat()}T{rng.randint(8, 14):02d}:15:00+07:00",
                            rng.choice(LAYANAN), rng.choice("LP"), rng.choice(["20-29", "30-39", "40-49"]),
                            rng.choice(["SMA", "S1", "SMP"]), rng.choice(["Swasta", "PNS", "Wirausaha"]),
                            *answers, saran, "", f"kiosk-{kecamatan.lower()}", 1])
            day += datetime.timedelta(days=1)
    return n


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    for old in os.listdir(ARTIFACTS):
        os.remove(os.path.join(ARTIFACTS, old))
    work = tempfile.mkdtemp(prefix="skm-hub-browser-")
    hub = None
    driver = None
    try:
        spki = make_pki(work)
        db = f"{work}/hub.db"
        port = free_port()
        base = f"https://127.0.0.1:{port}"
        run([SKM_HUB, "user", "add", "--db", db, "--username", "bappeda", "--role", "admin"], ADMIN_PASSWORD + "\n")
        run([SKM_HUB, "user", "add", "--db", db, "--username", "organisasi", "--role", "viewer"], VIEWER_PASSWORD + "\n")
        tokens = {}
        for kecamatan in KECAMATAN:
            tokens[kecamatan] = run([SKM_HUB, "enroll", "--db", db, "--kecamatan", kecamatan, "--device",
                                     f"kiosk-{kecamatan.lower()}"]).stdout.strip()
        hub = subprocess.Popen([SKM_HUB, "serve", "--db", db, "--cert", f"{work}/server.pem", "--key",
                                f"{work}/server.key", "--listen", f"127.0.0.1:{port}"],
                               env=dict(os.environ, SKM_ASSETS=ASSETS), stderr=subprocess.PIPE, text=True)
        hub.stderr.readline()  # "ready" line

        # Every kecamatan's kiosk uploads through the real path.
        today = datetime.date.today()
        rng = random.Random(8)
        total = 0
        for kecamatan, level in KECAMATAN.items():
            kiosk_db = f"{work}/kiosk-{kecamatan}.db"
            total += write_csv(f"{work}/{kecamatan}.csv", kecamatan, level, today, rng)
            run([SKM, "import", f"{work}/{kecamatan}.csv", "--db", kiosk_db])
            run([SKM, "sync", "--db", kiosk_db, "--once", "--hub", f"{base}/api/v1/batches", "--token",
                 tokens[kecamatan], "--ca", f"{work}/ca.pem", "--device", f"kiosk-{kecamatan.lower()}"])
        print(f"seeded {total} responses from {len(KECAMATAN)} kiosks", flush=True)

        downloads = f"{work}/downloads"
        os.makedirs(downloads)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={work}/chromium-profile", "--window-size=1280,900",
                     f"--ignore-certificate-errors-spki-list={spki}", "--lang=id"]:
            options.add_argument(flag)
        options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                                  "download.prompt_for_download": False})
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})

        def shot(name, full=True):
            if full:
                height = driver.execute_script("return document.documentElement.scrollHeight")
                width = driver.execute_script("return window.innerWidth")
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": max(height, 300), "deviceScaleFactor": 1, "mobile": False})
            driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))
            if full:
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

        def text():
            return driver.find_element(By.TAG_NAME, "body").text

        def click_and_wait(element):
            """Clicks a link or button and waits for the next page to replace this one."""
            old = driver.find_element(By.TAG_NAME, "html")
            element.click()

            def replaced(_):
                # Chromium may answer "Node … does not belong to the document"
                # instead of "stale" while the new page comes in: both mean replaced.
                try:
                    old.is_enabled()
                    return False
                except WebDriverException:
                    return True

            WebDriverWait(driver, 20).until(replaced)
            WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

        # A stranger is sent to the login page.
        driver.get(f"{base}/overview")
        check(driver.current_url.endswith("/login"), "a stranger lands on the login page")
        shot("01-login", full=False)
        driver.find_element(By.ID, "username").send_keys("bappeda")
        driver.find_element(By.ID, "password").send_keys("salah-sandi")
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        check("Nama pengguna atau kata sandi salah." in text(), "a wrong password is refused")
        driver.find_element(By.ID, "username").send_keys("bappeda")
        driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        check(driver.current_url.endswith("/overview"), "signing in opens the overview")

        # Targets, so some kecamatan fall below.
        year = str(today.year)
        driver.get(f"{base}/targets")
        driver.find_element(By.ID, "target").send_keys("80.00")
        driver.find_element(By.ID, "population").send_keys("2500")
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form.bar button[type=submit]"))
        check("80.00" in text(), "the admin sets the kabupaten's target")

        driver.get(f"{base}/overview")
        rows = driver.find_elements(By.CSS_SELECTOR, "#overview tbody tr")
        check(len(rows) == len(KECAMATAN), f"the overview lists every kecamatan ({len(rows)})")
        below = driver.find_elements(By.CSS_SELECTOR, "#overview tbody tr.below")
        check(1 <= len(below) < len(KECAMATAN), f"kecamatan below target are highlighted ({len(below)})")
        check(f"Ringkasan kabupaten, {year}" in text(), "the overview is in Bahasa Indonesia")
        shot("02-overview")
        click_and_wait(driver.find_element(By.LINK_TEXT, "IKM"))
        first = driver.find_elements(By.CSS_SELECTOR, "#overview tbody tr td:first-child a")[0].text
        check(first == "Sukamaju", f"sorted by IKM, the best kecamatan comes first ({first})")

        click_and_wait(driver.find_element(By.LINK_TEXT, "Cibodas"))
        check("Kecamatan Cibodas" in text(), "the kecamatan page opens")
        check(len(driver.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 2, "trend and unsur charts are drawn")
        saran = driver.find_elements(By.CSS_SELECTOR, "#saran li")
        check(len(saran) > 0, f"the saran are listed ({len(saran)})")
        check(any("<script>" in s.text for s in saran), "a saran with a script tag is shown as text")
        check(driver.execute_script("return window.xssRan === undefined"), "no injected script ran")
        shot("03-kecamatan")

        # Exports: the recap CSV and the kecamatan's PDF land in the downloads folder.
        driver.find_element(By.PARTIAL_LINK_TEXT, "PDF").click()
        driver.get(f"{base}/overview")
        driver.find_element(By.PARTIAL_LINK_TEXT, "CSV").click()
        driver.find_element(By.PARTIAL_LINK_TEXT, "XLSX").click()
        deadline = time.time() + 30
        wanted = {".pdf", ".csv", ".xlsx"}
        while time.time() < deadline:
            done = {os.path.splitext(f)[1] for f in os.listdir(downloads) if not f.endswith(".crdownload")}
            if wanted <= done:
                break
            time.sleep(0.2)
        files = sorted(os.listdir(downloads))
        check(wanted <= {os.path.splitext(f)[1] for f in files}, f"exports downloaded: {files}")
        for f in files:
            with open(os.path.join(downloads, f), "rb") as fh:
                head = fh.read(5)
            if f.endswith(".pdf"):
                check(head == b"%PDF-", "the PDF is a PDF")
                shutil.copy(os.path.join(downloads, f), os.path.join(ARTIFACTS, "kecamatan-report.pdf"))
            if f.endswith(".xlsx"):
                check(head[:2] == b"PK", "the XLSX is a workbook")
            if f.endswith(".csv"):
                with open(os.path.join(downloads, f), encoding="utf-8") as fh:
                    body = fh.read()
                check("Sukamaju" in body and "Cibodas" in body, "the CSV recap has every kecamatan")

        # Devices: revoke one; its next upload is refused.
        driver.get(f"{base}/devices")
        shot("04-devices-before")
        row = driver.find_element(By.XPATH, "//table[@id='devices']//tr[td[1][text()='kiosk-megamendung']]")
        click_and_wait(row.find_element(By.CSS_SELECTOR, "button[name=revoke]"))
        row = driver.find_element(By.XPATH, "//table[@id='devices']//tr[td[1][text()='kiosk-megamendung']]")
        check("dicabut" in row.text, "the revoked kiosk shows as revoked")
        shot("05-devices-revoked")
        with open(f"{work}/late.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["response_id", "submitted_at", "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan",
                        *UNSUR, "saran", "flags", "device_id", "questionnaire_version"])
            w.writerow(["after-revoke-1", f"{today.isoformat()}T10:00:00+07:00", "KTP-el", "L", "20-29", "SMA", "PNS",
                        *([3] * len(UNSUR)), "", "", "kiosk-megamendung", 1])
        run([SKM, "import", f"{work}/late.csv", "--db", f"{work}/kiosk-Megamendung.db"])
        late = run([SKM, "sync", "--db", f"{work}/kiosk-Megamendung.db", "--once", "--hub", f"{base}/api/v1/batches",
                    "--token", tokens["Megamendung"], "--ca", f"{work}/ca.pem"], ok=False)
        check(late.returncode != 0, f"the revoked kiosk's next upload is refused (exit {late.returncode})")
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
            stored = c.execute("SELECT count(*) FROM responses WHERE response_id = 'after-revoke-1'").fetchone()[0]
        check(stored == 0, "nothing of the revoked kiosk's upload is stored")
        listing = run([SKM_HUB, "devices", "--db", db]).stdout
        revoked_line = [l for l in listing.splitlines() if l.startswith("kiosk-megamendung")]
        check(revoked_line and revoked_line[0].split("\t")[3] != "-", "the hub's database has the revocation")
        ok_sync = run([SKM, "sync", "--db", f"{work}/kiosk-Sukamaju.db", "--once", "--hub", f"{base}/api/v1/batches",
                       "--token", tokens["Sukamaju"], "--ca", f"{work}/ca.pem"], ok=False)
        check(ok_sync.returncode == 0, "another kiosk still syncs")

        # Publish a layanan list to one kecamatan; its kiosk takes it on its next sync.
        driver.get(f"{base}/publish")
        driver.find_element(By.ID, "kecamatan").send_keys("Sukamaju")
        driver.find_element(By.ID, "layanan").send_keys("KTP-el\nKartu Keluarga\nSurat Pindah")
        driver.find_element(By.ID, "target").send_keys("85.50")
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/publish'] button[type=submit]"))
        check("Versi 1 diterbitkan" in text(), "the publication is confirmed")
        shot("11-publish")
        run([SKM, "sync", "--db", f"{work}/kiosk-Sukamaju.db", "--once", "--hub", f"{base}/api/v1/batches",
             "--token", tokens["Sukamaju"], "--ca", f"{work}/ca.pem"])
        with sqlite3.connect(f"file:{work}/kiosk-Sukamaju.db?mode=ro", uri=True) as c:
            active = [r[0] for r in c.execute("SELECT name FROM layanan WHERE active = 1 ORDER BY position")]
        check(active == ["KTP-el", "Kartu Keluarga", "Surat Pindah"], f"the kiosk took the published layanan ({active})")

        # English.
        driver.get(f"{base}/overview")
        click_and_wait(driver.find_element(By.LINK_TEXT, "EN"))
        check(f"Regency overview, {year}" in text(), "English is one click away")
        shot("06-overview-en")
        click_and_wait(driver.find_element(By.LINK_TEXT, "ID"))

        # Phone width.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        driver.get(f"{base}/overview")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 1, f"the overview fits a phone's width (overflow {overflow}px)")
        driver.save_screenshot(os.path.join(ARTIFACTS, "07-phone-overview.png"))
        driver.get(f"{base}/kecamatan?name=Sukamaju&period={year}")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 1, f"the kecamatan page fits a phone's width (overflow {overflow}px)")
        driver.save_screenshot(os.path.join(ARTIFACTS, "08-phone-kecamatan.png"))
        driver.execute_script("window.scrollTo(0, 700)")
        driver.save_screenshot(os.path.join(ARTIFACTS, "09-phone-kecamatan-charts.png"))
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

        # A viewer sees the pages, without admin controls.
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
        check(driver.current_url.endswith("/login"), "signing out returns to the login page")
        driver.find_element(By.ID, "username").send_keys("organisasi")
        driver.find_element(By.ID, "password").send_keys(VIEWER_PASSWORD)
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        driver.get(f"{base}/devices")
        check(not driver.find_elements(By.CSS_SELECTOR, "button[name=revoke]"), "a viewer has no revoke buttons")
        driver.get(f"{base}/users")
        check("hanya untuk admin" in text(), "a viewer is refused the users page")
        shot("10-viewer-refused", full=False)
    finally:
        if driver:
            driver.quit()
        if hub:
            hub.terminate()
            try:
                hub.wait(timeout=15)
            except subprocess.TimeoutExpired:
                hub.kill()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failed; screenshots in {ARTIFACTS}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
