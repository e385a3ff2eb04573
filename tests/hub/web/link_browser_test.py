#!/usr/bin/python3
"""The phone survey of a one-time link (#21) in a real browser at phone width
(390x844): Debian's chromium, headless, driven by python3-selenium, against
scripts/hub-local (nginx in front of skm-hub, the packaged arrangement).

The kiosk's path is the real one: `skm sync` registers the kiosk database's
link key with the hub over the device token, and link_issue_tool (the kiosk's
sync::issue_link_url) makes the link. The citizen opens it, reads it in
Indonesian, English and Javanese, answers every question by tapping, sends;
the answer is in GET /api/v1/ikm for the kecamatan with the IKM computed here,
and after the kiosk's next sync in its own database (`skm score --db`);
opening the link again says "sudah diisi"; and nginx holds one address to its
rate on /l/. Screenshots go to ARTIFACTS.

usage: link_browser_test.py BUILD_DIR REPO_DIR ARTIFACTS
"""
import base64
import datetime
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
from fractions import Fraction

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BUILD, REPO, ARTIFACTS = (os.path.abspath(a) for a in sys.argv[1:4])
SKM = os.path.join(BUILD, "tools", "skm")
SKM_HUB = os.path.join(BUILD, "hub", "skm-hub")
ISSUE = os.path.join(BUILD, "tests", "sync", "link_issue_tool")
ASSETS = os.path.join(REPO, "assets")
UNSUR = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]
ANSWERS = [4, 3, 4, 4, 3, 4, 2, 4, 3]  # what the citizen taps

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def run(args, ok=True):
    result = subprocess.run(args, capture_output=True, text=True, env=dict(os.environ, SKM_ASSETS=ASSETS))
    if ok and result.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({result.returncode}): {result.stdout} {result.stderr}")
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spki_of(cert):
    pub = subprocess.run(["openssl", "x509", "-in", cert, "-pubkey", "-noout"], check=True, capture_output=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=pub, check=True,
                         capture_output=True).stdout
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


def expected_ikm(answers):
    """Permenpan 14/2017 with equal weights 1/9: IKM = mean answer x 25, two decimals, half up."""
    value = Fraction(sum(answers), len(answers)) * 25
    cents = (value * 100 + Fraction(1, 2)).__floor__()
    return f"{cents // 100}.{cents % 100:02d}"


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    for old in os.listdir(ARTIFACTS):
        os.remove(os.path.join(ARTIFACTS, old))
    work = tempfile.mkdtemp(prefix="skm-link-browser-")
    hub_dir = os.path.join(work, "hub")
    port = free_port()
    hub = subprocess.Popen([os.path.join(REPO, "scripts", "hub-local"), hub_dir, str(port)],
                           env=dict(os.environ, SKM_HUB=SKM_HUB, SKM_ASSETS=ASSETS), stdout=subprocess.DEVNULL,
                           stderr=open(os.path.join(work, "hub-local.log"), "w"))
    driver = None
    try:
        deadline = time.monotonic() + 90
        while not os.path.exists(os.path.join(hub_dir, "ready")):
            if hub.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("hub-local did not become ready: " + open(os.path.join(work, "hub-local.log")).read())
            time.sleep(0.1)
        base = open(os.path.join(hub_dir, "url")).read().strip()
        token = open(os.path.join(hub_dir, "device.token")).read().strip()
        admin = open(os.path.join(hub_dir, "admin.token")).read().strip()
        ca = os.path.join(hub_dir, "ca.pem")

        # The kiosk: no link before its key is registered, then its next sync registers it.
        kiosk_db = os.path.join(work, "kiosk.db")
        run([SKM, "settings", "list", "--db", kiosk_db])  # creates the database
        early = run([ISSUE, kiosk_db, "KTP-el"], ok=False)
        check(early.returncode == 3 and "sync.link_no_hub" in early.stderr, f"no link without a hub: {early.stderr.strip()}")
        run([SKM, "sync", "--db", kiosk_db, "--once", "--hub", f"{base}/api/v1/batches", "--token", token, "--ca", ca])
        link = run([ISSUE, kiosk_db, "KTP-el"]).stdout.strip()
        check(link.startswith(f"{base}/l/1.kiosk-uji-01."), f"the link names the hub and the enrolled device: {link}")

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={work}/chromium-profile", "--window-size=390,844",
                     f"--ignore-certificate-errors-spki-list={spki_of(os.path.join(hub_dir, 'tls', 'server.pem'))}",
                     "--lang=id"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})

        def shot(name):
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": 390, "height": max(height, 844), "deviceScaleFactor": 1, "mobile": True})
            driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})

        def text():
            return driver.find_element(By.TAG_NAME, "body").text

        def no_sideways_scroll(what):
            wide = driver.execute_script("return document.documentElement.scrollWidth")
            check(wide <= 390, f"{what}: nothing wider than the phone ({wide} px)")

        for lang, words in [("en", "Kecamatan Uji"), ("jv", "Tanpa nami"), ("id", "Tanpa nama")]:
            driver.get(f"{link}?lang={lang}")
            check(words in text(), f"the survey in {lang} says {words!r}")
            no_sideways_scroll(f"the survey in {lang}")
            shot(f"link-survey-{lang}")
        check(driver.execute_script("return document.scripts.length") == 0, "no script on the page")
        first = driver.find_element(By.CSS_SELECTOR, "label.choice")
        check(first.size["height"] >= 48 and first.size["width"] >= 300,
              f"answers are big targets ({first.size['width']}x{first.size['height']} px)")

        # Tap every answer, a profile answer and write a saran, then send.
        for code, value in zip(UNSUR, ANSWERS):
            label = driver.find_element(By.CSS_SELECTOR, f"input[name=q_{code}][value='{value}']").find_element(By.XPATH, "..")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
            label.click()
        driver.find_element(By.CSS_SELECTOR, "input[name=jenis_kelamin][value=L]").find_element(By.XPATH, "..").click()
        driver.find_element(By.NAME, "saran").send_keys("Antrean lebih tertib, terima kasih.")
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, "button.send").click()

        def replaced(_):
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True
        WebDriverWait(driver, 20).until(replaced)
        check("Terima kasih" in text(), "the answer is thanked for")
        shot("link-survey-thanks")

        # Counted in the kecamatan's IKM at the hub.
        ctx = ssl.create_default_context(cafile=ca)
        conn = http.client.HTTPSConnection("127.0.0.1", urllib.parse.urlparse(base).port, context=ctx)
        year = datetime.date.today().year
        conn.request("GET", f"/api/v1/ikm?period={year}&kecamatan=Uji", headers={"Authorization": f"Bearer {admin}"})
        reply = conn.getresponse()
        body = json.loads(reply.read())
        check(reply.status == 200 and body["respondents"] == 1, f"one respondent in Uji: {body.get('respondents')}")
        check(body["ikm"] == expected_ikm(ANSWERS), f"IKM {body['ikm']} = {expected_ikm(ANSWERS)} computed here")

        # After the kiosk's next sync the answer is in its own database (downloaded, channel link),
        # counted by `skm score --db` as the hub counts it.
        run([SKM, "sync", "--db", kiosk_db, "--once", "--hub", f"{base}/api/v1/batches", "--token", token, "--ca", ca])
        score = json.loads(run([SKM, "score", "--db", kiosk_db, "--json"]).stdout)
        check(score["respondents"] == 1 and score["ikm"] == expected_ikm(ANSWERS),
              f"the kiosk counts the link answer after sync: {score.get('respondents')} respondent(s), IKM {score.get('ikm')}")

        # Once only.
        driver.get(link)
        check("sudah diisi" in text(), "the link opened again says it was filled in")
        shot("link-survey-used")
        driver.get(link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB"))
        check("Tautan tidak sah" in text(), "an altered link is refused")
        shot("link-survey-invalid")

        # nginx: one address may not hammer /l/ (60 a minute, burst 30).
        statuses = []
        for _ in range(45):
            conn = http.client.HTTPSConnection("127.0.0.1", urllib.parse.urlparse(base).port, context=ctx)
            conn.request("GET", "/l/1.kiosk-uji-01.guess")
            statuses.append(conn.getresponse().status)
            conn.close()
        check(429 in statuses and statuses[0] == 404, f"forged links from one address: 404, then 429 ({statuses.count(429)} of 45)")
    finally:
        if driver:
            driver.quit()
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(timeout=20)
        except subprocess.TimeoutExpired:
            hub.kill()
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed; work folder {work}")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
