#!/bin/sh
# install_test.sh BINARY_DIR   (release tier; root, network to the Debian mirror)
# The packages as an office installs them, in a clean Debian 12 root made with
# debootstrap: apt installs skm-common, skm-hub and skm-kiosk with their
# Depends; postinst made the users, folders, certificate and admin token; the
# hub runs as skm-hub with the options of /etc/skm/hub.conf, behind the nginx
# site the package enabled (its ports moved to a free one); the kiosk runs as
# skm-kiosk under Xvfb with those of /etc/skm/kiosk.conf and a citizen's survey
# is tapped in with xdotool; the kiosk's own sync delivers it and the hub's IKM
# API counts it. Then a dpkg upgrade to a newer version: postinst backed up both
# databases, and nothing is lost.
# The base root is cached in BINARY_DIR/test-artifacts/bookworm-base (delete it
# to start from scratch); every run works on a fresh copy.
set -eu
bin="$1"
[ "$(id -u)" = 0 ] || { echo "install_test: needs root (debootstrap, chroot, mount)" >&2; exit 1; }
for tool in debootstrap cpack dpkg-deb python3; do
    command -v "$tool" >/dev/null || { echo "install_test: $tool missing (scripts/install-deps)" >&2; exit 1; }
done
mirror="${SKM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base="$bin/test-artifacts/bookworm-base"
work="$(mktemp -d /var/tmp/skm-install-test.XXXXXX)"
root="$work/root"
step() { echo "install_test: $(date -u +%H:%M:%S) $*"; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
cleanup() {
    [ -f "$root/run/nginx.pid" ] && in_root nginx -s stop 2>/dev/null || true
    for pid_file in "$root/tmp/hub.pid" "$root/tmp/kiosk.pid"; do
        [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
    done
    sleep 1
    for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
    if [ -z "${SKM_KEEP_ROOT:-}" ]; then rm -rf "$work"; else echo "install_test: root kept in $root"; fi
}
trap cleanup EXIT

# ---- a clean Debian 12 -------------------------------------------------------------
if [ ! -x "$base/usr/bin/apt-get" ]; then
    step "debootstrap bookworm from $mirror (once; cached in $base)"
    rm -rf "$base.part"
    debootstrap --variant=minbase bookworm "$base.part" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        { tail -30 "$work/debootstrap.log" >&2; exit 1; }
    mv "$base.part" "$base"
fi
step "copying the base root"
cp -a "$base" "$root"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# What an installed system has and debootstrap leaves out: localhost resolves (the kiosk talks to https://localhost).
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
# No daemon starts from package scripts in a chroot (Debian's policy-rc.d convention).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"

# ---- the packages --------------------------------------------------------------------
step "building the packages"
cpack --config "$bin/CPackConfig.cmake" -B "$work/debs" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; exit 1; }
version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$bin/CPackConfig.cmake")"
arch="$(dpkg --print-architecture)"
mkdir -p "$root/tmp/debs"
cp "$work"/debs/*.deb "$root/tmp/debs/"
step "apt install ./skm-common ./skm-hub ./skm-kiosk (+ xvfb, xdotool, curl, sqlite3 for the test)"
in_root apt-get update -q >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log" >&2; exit 1; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    /tmp/debs/skm-common_"$version"_"$arch".deb /tmp/debs/skm-hub_"$version"_"$arch".deb \
    /tmp/debs/skm-kiosk_"$version"_"$arch".deb \
    xvfb xauth xdotool curl sqlite3 ca-certificates >>"$work/apt.log" 2>&1 || { tail -40 "$work/apt.log" >&2; exit 1; }
grep -E '^skm-(hub|kiosk): ' "$work/apt.log" || true

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check() { "$@" || fail "$*"; }

step "what postinst made"
check in_root getent passwd skm-hub
check in_root getent passwd skm-kiosk
[ "$(in_root stat -c '%U %a' "/var/lib/skm/hub")" = "skm-hub 750" ] || fail "/var/lib/skm/hub: $(in_root stat -c '%U %a' "/var/lib/skm/hub")"
[ "$(in_root stat -c '%U %a' "/var/lib/skm/kiosk")" = "skm-kiosk 750" ] || fail "/var/lib/skm/kiosk: $(in_root stat -c '%U %a' "/var/lib/skm/kiosk")"
[ "$(in_root stat -c '%G %a' "/etc/skm/tls/hub.key")" = "skm-hub 640" ] || fail "hub.key: $(in_root stat -c '%G %a' "/etc/skm/tls/hub.key")"
[ "$(in_root stat -c '%G %a' "/etc/skm/hub-admin-token")" = "skm-hub 640" ] || fail "hub-admin-token mode"
[ -L "$root/etc/systemd/system/multi-user.target.wants/skm-hub.service" ] || fail "skm-hub.service not enabled"
[ -L "$root/etc/systemd/system/graphical.target.wants/skm-kiosk.service" ] || fail "skm-kiosk.service not enabled"
check in_root id -nG skm-kiosk
# nginx came as a Depends of skm-hub, with the site enabled and accepted as shipped.
in_root dpkg-query -W -f='${Status}' nginx | grep -q "install ok installed" || fail "nginx not installed with skm-hub"
[ -L "$root/etc/nginx/sites-enabled/skm-hub" ] || fail "the skm-hub nginx site is not enabled"
check in_root nginx -t -q

# ---- the hub, as its unit runs it (but on a free loopback port) ---------------------------
step "starting skm-hub as skm-hub"
cat >"$root/tmp/run-hub.sh" <<'HUB'
echo $$ >/tmp/hub.pid
. /etc/skm/hub.conf
options="$(echo "$SKM_HUB_OPTIONS" | sed 's/--listen [^ ]*/--listen 127.0.0.1:0/')"
# shellcheck disable=SC2086
exec skm-hub serve $options
HUB
in_root runuser -u skm-hub -- sh /tmp/run-hub.sh >"$work/hub.log" 2>&1 &
hub_port=""
for _ in $(seq 1 100); do
    hub_port="$(sed -n 's/.*127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$work/hub.log" | head -1)"
    [ -n "$hub_port" ] && break
    sleep 0.2
done
[ -n "$hub_port" ] || { cat "$work/hub.log" >&2; echo "install_test: the hub did not start" >&2; exit 1; }
step "hub listening on 127.0.0.1:$hub_port"

# ---- nginx in front, as the package set it up, on a free port instead of 443/8443 ----------
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
sed -i -e "s/server 127.0.0.1:8480;/server 127.0.0.1:$hub_port;/" -e "s/listen 443 ssl;/listen 127.0.0.1:$port ssl;/" \
    -e "/listen 8443 ssl;/d" "$root/etc/nginx/sites-available/skm-hub"
grep -q "listen 127.0.0.1:$port ssl;" "$root/etc/nginx/sites-available/skm-hub" || fail "the site's listen lines moved"
rm -f "$root/etc/nginx/sites-enabled/default"  # port 80 may be anyone's on the test machine
in_root nginx || { tail -20 "$root/var/log/nginx/error.log" >&2; echo "install_test: nginx did not start" >&2; exit 1; }
for _ in $(seq 1 50); do
    in_root curl -sf -o /dev/null --cacert /etc/skm/tls/hub.crt "https://localhost:$port/login" && break
    sleep 0.2
done
step "nginx serving https://localhost:$port in front of the hub"
token="$(in_root runuser -u skm-hub -- skm-hub enroll --db /var/lib/skm/hub/hub.db --kecamatan Sukamaju --device kiosk-01)"
[ -n "$token" ] || { echo "install_test: enroll printed no token" >&2; exit 1; }

# ---- the kiosk: the hub's certificate as its CA, hub address and token as staff set them ----
# As the operator guide says: the hub's CA certificate copied to /etc/skm/hub-ca.crt
# (/etc/skm/tls is the hub's, unreadable to the kiosk user) and named in kiosk.json.
install -m 0644 "$root/etc/skm/tls/hub.crt" "$root/etc/skm/hub-ca.crt"
python3 - "$root/etc/skm/kiosk.json" <<'PY'
import json, sys
path = sys.argv[1]
config = json.load(open(path))
config["hub_ca_file"] = "/etc/skm/hub-ca.crt"
json.dump(config, open(path, "w"), indent=1, ensure_ascii=False)
PY
in_root runuser -u skm-kiosk -- skm db check --db /var/lib/skm/kiosk/skm.db >/dev/null
in_root runuser -u skm-kiosk -- sqlite3 /var/lib/skm/kiosk/skm.db \
    "INSERT OR REPLACE INTO settings (key, value) VALUES ('sync_hub_url', 'https://localhost:$port/api/v1/batches'), ('sync_device_token', '$token'), ('kiosk_setup_complete', '1')"

step "screenshots for the button positions"
in_root runuser -u skm-kiosk -- xvfb-run -a -s "-screen 0 1280x800x24" \
    skm-kiosk --config /etc/skm/kiosk.json --screenshots /tmp/shots >"$work/shots.log" 2>&1 ||
    { cat "$work/shots.log" >&2; exit 1; }
python3 - "$root/tmp/shots/buttons.json" >"$root/tmp/taps.sh" <<'PY'
import json, sys
index = json.load(open(sys.argv[1]))
def button(screen, id):
    for name, shot in index.items():
        if not name.startswith("1280x800-id-") or shot["screen"] != screen:
            continue
        for b in shot["buttons"]:
            if b["id"] == id:
                return int(b["x"] + b["w"] / 2), int(b["y"] + b["h"] / 2)
    raise SystemExit(f"no button {id} on {screen}")
taps = [("welcome", "start"), ("layanan", "layanan_2"), ("profile-1", "profile_0"), ("profile-2", "profile_2"),
        ("profile-3", "profile_4"), ("profile-4", "profile_3")]
taps += [(f"unsur-{i + 1}", f"answer_{a}") for i, a in enumerate([4, 3, 4, 4, 3, 2, 4, 1, 3])]
taps += [("saran", "key_o"), ("saran", "key_k"), ("saran", "submit")]
for screen, id in taps:
    x, y = button(screen, id)
    print(f'xdotool mousemove --window "$window" {x} {y} click 1; sleep 0.6')
PY
cat >"$root/tmp/kiosk-run.sh" <<'KIOSK'
. /etc/skm/kiosk.conf
# shellcheck disable=SC2086
skm-kiosk $SKM_KIOSK_OPTIONS --size 1280x800 &
kiosk=$!
echo "$kiosk" >/tmp/kiosk.pid
window="$(timeout 60 xdotool search --sync --onlyvisible --name SKM | head -1)"
sleep 1
. /tmp/taps.sh
# The kiosk's sync worker is nudged within a second of the submission.
for _ in $(seq 1 60); do
    [ -f /tmp/stop-kiosk ] && break
    sleep 1
done
kill "$kiosk"
wait "$kiosk"
KIOSK
step "a citizen's survey on the kiosk (Xvfb, xdotool)"
in_root runuser -u skm-kiosk -- xvfb-run -a -s "-screen 0 1280x800x24" sh /tmp/kiosk-run.sh >"$work/kiosk.log" 2>&1 &
kiosk_run=$!
delivered=0
for _ in $(seq 1 90); do
    delivered="$(sqlite3 "file:$root/var/lib/skm/hub/hub.db?mode=ro" 'SELECT count(*) FROM responses' 2>/dev/null || echo 0)"
    [ "$delivered" -ge 1 ] && break
    sleep 1
done
touch "$root/tmp/stop-kiosk"
wait "$kiosk_run" || true
rm -f "$root/tmp/kiosk.pid"
stored="$(sqlite3 "file:$root/var/lib/skm/kiosk/skm.db?mode=ro" "SELECT answers FROM responses")"
[ "$stored" = "persyaratan=4;prosedur=3;waktu=4;biaya=4;produk=3;kompetensi=2;perilaku=4;pengaduan=1;sarana=3" ] ||
    { cat "$work/kiosk.log" >&2; fail "the kiosk stored: '$stored'"; }
[ "$delivered" = 1 ] || { cat "$work/kiosk.log" >&2; fail "the hub has $delivered responses, expected 1"; }
step "kiosk stored the survey; hub has $delivered response(s)"

year="$(date +%Y)"
if [ "$(date +%m)" -le 6 ]; then period="$year-S1"; else period="$year-S2"; fi
admin="$(cat "$root/etc/skm/hub-admin-token")"
ikm="$(in_root curl -sS --cacert /etc/skm/tls/hub.crt -H "Authorization: Bearer $admin" \
    "https://localhost:$port/api/v1/ikm?period=$period&kecamatan=Sukamaju")"
echo "install_test: GET /api/v1/ikm?period=$period&kecamatan=Sukamaju → $(echo "$ikm" | head -c 400)"
echo "$ikm" | python3 -c 'import json,sys; j=json.load(sys.stdin); s=json.dumps(j); sys.exit(0 if "\"respondents\": 1" in s else 1)' ||
    fail "the IKM API does not count the response"

# ---- and on the kabupaten's web dashboard, as Bappeda sees it -------------------------
step "the survey on the web dashboard"
printf '%s\n' 'kata-sandi-bappeda-uji' |
    in_root runuser -u skm-hub -- skm-hub user add --db /var/lib/skm/hub/hub.db --username bappeda --role admin \
        >"$work/user.log" 2>&1 || { cat "$work/user.log" >&2; fail "skm-hub user add failed"; }
web() { in_root curl -sS --cacert /etc/skm/tls/hub.crt -c /tmp/dashboard.cookies -b /tmp/dashboard.cookies "$@"; }
csrf="$(web "https://localhost:$port/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)"
[ -n "$csrf" ] || fail "the dashboard's login page has no CSRF token"
web -o /dev/null --data-urlencode "username=bappeda" --data-urlencode "password=kata-sandi-bappeda-uji" \
    --data-urlencode "csrf=$csrf" "https://localhost:$port/login"
overview="$(web "https://localhost:$port/overview?period=$year")"
row="$(echo "$overview" | tr -d '\n' | sed 's/<tr/\n<tr/g' | grep '>Sukamaju</a>' | head -1)"
echo "install_test: dashboard overview row: $(echo "$row" | sed 's/<[^>]*>/ /g' | tr -s ' ' | head -c 200)"
echo "$row" | grep -q 'belum cukup data' && echo "$row" | grep -q '<td class="n">1</td>' ||
    fail "the dashboard's overview does not count the survey for Sukamaju"

# ---- an upgrade to a newer version keeps the data --------------------------------------
in_root nginx -s stop 2>/dev/null || true
kill "$(cat "$root/tmp/hub.pid")" 2>/dev/null || true
rm -f "$root/tmp/hub.pid"
sleep 1
step "upgrading to $version+upgradetest1"
mkdir -p "$work/next"
for p in skm-common skm-hub skm-kiosk; do
    rm -rf "$work/unpacked"
    dpkg-deb -R "$work/debs/${p}_${version}_$arch.deb" "$work/unpacked"
    sed -i "s/^Version: .*/Version: $version+upgradetest1/; s/skm-common (= $version)/skm-common (= $version+upgradetest1)/" \
        "$work/unpacked/DEBIAN/control"
    dpkg-deb -b "$work/unpacked" "$work/next/${p}_next.deb" >/dev/null
done
cp "$work"/next/*.deb "$root/tmp/debs/"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-confold \
    /tmp/debs/skm-common_next.deb /tmp/debs/skm-hub_next.deb /tmp/debs/skm-kiosk_next.deb >"$work/upgrade.log" 2>&1 ||
    { tail -30 "$work/upgrade.log" >&2; exit 1; }
grep 'backed up before the upgrade' "$work/upgrade.log" || fail "postinst said nothing of a backup"
hub_backup="$(ls "$root"/var/lib/skm/hub/backups/hub-before-upgrade-from-"$version"-*.db 2>/dev/null | head -1)"
kiosk_backup="$(ls "$root"/var/lib/skm/kiosk/backups/skm-before-upgrade-from-"$version"-*.db 2>/dev/null | head -1)"
[ -n "$hub_backup" ] && [ "$(sqlite3 "$hub_backup" 'SELECT count(*) FROM responses')" = 1 ] || fail "no hub backup with the response"
[ -n "$kiosk_backup" ] && [ "$(sqlite3 "$kiosk_backup" 'SELECT count(*) FROM responses')" = 1 ] || fail "no kiosk backup with the response"
[ "$(in_root stat -c %U "${hub_backup#"$root"}" 2>/dev/null)" = skm-hub ] || fail "the hub backup is not skm-hub's"
[ "$(sqlite3 "$root/var/lib/skm/hub/hub.db" 'SELECT count(*) FROM responses')" = 1 ] || fail "the hub lost its response"
[ "$(sqlite3 "$root/var/lib/skm/kiosk/skm.db" 'SELECT count(*) FROM responses')" = 1 ] || fail "the kiosk lost its response"
grep -q hub_ca_file "$root/etc/skm/kiosk.json" || fail "the upgrade replaced the edited /etc/skm/kiosk.json"
check in_root runuser -u skm-kiosk -- skm db check --db /var/lib/skm/kiosk/skm.db
in_root dpkg-query -W -f='${Package} ${Version} ${Status}\n' skm-common skm-hub skm-kiosk

# ---- remove and purge keep the responses ----------------------------------------------------
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q skm-hub skm-kiosk >"$work/purge.log" 2>&1 ||
    { tail -20 "$work/purge.log" >&2; fail "purge failed"; }
[ -f "$root/var/lib/skm/hub/hub.db" ] || fail "purge deleted the hub's responses"
[ -f "$root/var/lib/skm/kiosk/skm.db" ] || fail "purge deleted the kiosk's responses"
[ ! -e "$root/etc/skm/hub.conf" ] || fail "purge left /etc/skm/hub.conf"
[ ! -e "$root/etc/nginx/sites-enabled/skm-hub" ] || fail "removal left the nginx site enabled"

if [ "$failures" -ne 0 ]; then
    echo "install_test: $failures failure(s)" >&2
    exit 1
fi
echo "install_test: installed, surveyed, synced through nginx (IKM API and dashboard count it), upgraded with backups, purged keeping data"
