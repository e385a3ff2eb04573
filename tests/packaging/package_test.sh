#!/bin/sh
# package_test.sh BINARY_DIR
# Builds the three .deb packages from this build tree with CPack and checks
# what an office machine would get: the files of each package and nothing of
# another's, the conffiles, the Depends lines (dpkg-shlibdeps' libraries and
# the runtime packages named by hand), maintainer scripts that parse, systemd
# units that systemd-analyze accepts, and a default configuration the packaged
# kiosk and hub programs actually load.
set -eu
bin="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

cpack --config "$bin/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; exit 1; }
version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$bin/CPackConfig.cmake")"
arch="$(dpkg --print-architecture)"

deb() { echo "$work/out/$1_${version}_${arch}.deb"; }
for p in skm-common skm-kiosk skm-hub; do
    [ -f "$(deb $p)" ] || { fail "no package $(basename "$(deb $p)")"; ls "$work/out" >&2; exit 1; }
    dpkg-deb -c "$(deb $p)" | awk '{print $6}' | sed 's|^\./|/|' >"$work/$p.files"
    dpkg-deb -e "$(deb $p)" "$work/$p.control"
    dpkg-deb -x "$(deb $p)" "$work/root"
done

# ---- files ----------------------------------------------------------------------
has() { grep -qx "$2" "$work/$1.files" || fail "$1 lacks $2"; }
lacks() { if grep -q "$2" "$work/$1.files"; then fail "$1 must not contain $2"; fi; }
has skm-common /usr/bin/skm
has skm-common /usr/share/skm/i18n/id.json
has skm-common /usr/share/skm/questionnaire/permenpan-14-2017.json
has skm-common /usr/share/skm/kiosk/logo-demo.png
has skm-common /usr/share/skm/web/dashboard.css
has skm-common /usr/share/skm/web/templates/layout.mustache
has skm-common /usr/lib/skm/db-snapshot
has skm-common /usr/lib/skm/maint-common.sh
has skm-common /usr/share/doc/skm-common/id/panduan-operator.md
has skm-common /usr/share/doc/skm-common/en/kabupaten-admin-guide.md
has skm-kiosk /usr/bin/skm-kiosk
has skm-kiosk /lib/systemd/system/skm-kiosk.service
has skm-kiosk /etc/skm/kiosk.conf
has skm-kiosk /etc/skm/kiosk.json
has skm-kiosk /lib/udev/rules.d/99-skm-usb.rules
has skm-hub /usr/bin/skm-hub
has skm-hub /lib/systemd/system/skm-hub.service
has skm-hub /etc/skm/hub.conf
has skm-hub /usr/share/skm-hub/nginx/skm-hub-proxy.conf
has skm-hub /etc/nginx/sites-available/skm-hub
for p in skm-kiosk skm-hub; do
    lacks $p '^/usr/bin/skm$'
    lacks $p '^/usr/share/skm/'
done
lacks skm-hub skm-kiosk
lacks skm-kiosk skm-hub
# Nothing of the build tree or a static library slips in; data is made by postinst, never shipped.
for p in skm-common skm-kiosk skm-hub; do
    lacks $p '\.a$'
    lacks $p '^/var/'
done

# ---- control: conffiles, Depends, scripts -----------------------------------------
[ "$(sort "$work/skm-hub.control/conffiles" | tr '\n' ' ')" = "/etc/nginx/sites-available/skm-hub /etc/skm/hub.conf " ] ||
    fail "skm-hub conffiles: $(cat "$work/skm-hub.control/conffiles")"
[ "$(sort "$work/skm-kiosk.control/conffiles" | tr '\n' ' ')" = "/etc/skm/kiosk.conf /etc/skm/kiosk.json " ] ||
    fail "skm-kiosk conffiles: $(cat "$work/skm-kiosk.control/conffiles")"
depends() { sed -n 's/^Depends: //p' "$work/$1.control/control" | tr ',' '\n' | sed 's/^ *//; s/ *$//'; }
needs() { depends "$1" | grep -q "^$2\( \|$\)" || fail "$1 Depends lacks $2: $(depends "$1" | tr '\n' ',')"; }
for d in "skm-common (= $version)" fonts-noto-core libgl1-mesa-dri espeak-ng cage xwayland adduser \
         libglfw3 libsqlite3-0 libcurl4 libsodium23 libc6 libstdc++6 libqrencode4; do
    needs skm-kiosk "$d"
done
for d in "skm-common (= $version)" adduser openssl nginx libssl3 libsqlite3-0 libsodium23 libc6; do
    needs skm-hub "$d"
done
for d in sqlite3 libsqlite3-0 libgmp10 libcurl4 libqrencode4; do needs skm-common "$d"; done
# The hub is a server: no GUI library may come with it.
if depends skm-hub | grep -Eq '^(libglfw3|libgl1|cage|xwayland)'; then fail "skm-hub depends on a GUI package"; fi
grep -qx "Version: $version" "$work/skm-hub.control/control" || fail "skm-hub version is not $version"

for p in skm-kiosk skm-hub; do
    for s in postinst prerm postrm; do
        f="$work/$p.control/$s"
        [ -x "$f" ] || fail "$p $s missing or not executable"
        sh -n "$f" || fail "$p $s does not parse"
    done
done
sh -n "$work/root/usr/lib/skm/db-snapshot" || fail "db-snapshot does not parse"
sh -n "$work/root/usr/lib/skm/maint-common.sh" || fail "maint-common.sh does not parse"
# Data is never deleted by the package: no rm of /var/lib/skm anywhere in its scripts.
if grep -n 'rm .*/var/lib/skm' "$work"/skm-*.control/p* ; then fail "a maintainer script deletes data"; fi

# ---- systemd units ----------------------------------------------------------------
# The programs named by ExecStart must exist: point them at the extracted ones.
mkdir -p "$work/units"
for u in skm-hub skm-kiosk; do
    sed -e "s|/usr/bin/skm-hub|$work/root/usr/bin/skm-hub|; s|/usr/bin/skm-kiosk|$work/root/usr/bin/skm-kiosk|" \
        "$work/root/lib/systemd/system/$u.service" >"$work/units/$u.service"
done
if command -v systemd-analyze >/dev/null; then
    SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work/units/skm-hub.service" "$work/units/skm-kiosk.service" \
        >"$work/verify.log" 2>&1 || { cat "$work/verify.log" >&2; fail "systemd-analyze verify"; }
    # Warnings about our own units count too (other units' are not ours to judge).
    if grep -E 'skm-(hub|kiosk)\.service' "$work/verify.log" >&2; then fail "systemd-analyze warns about a unit"; fi
else
    fail "systemd-analyze is missing (scripts/install-deps installs systemd)"
fi
hub_unit="$work/root/lib/systemd/system/skm-hub.service"
for line in User=skm-hub ProtectSystem=strict ReadWritePaths=/var/lib/skm/hub NoNewPrivileges=yes PrivateTmp=yes \
            ProtectHome=yes CapabilityBoundingSet= Restart=on-failure EnvironmentFile=/etc/skm/hub.conf; do
    grep -qx "$line" "$hub_unit" || fail "skm-hub.service lacks $line"
done
kiosk_unit="$work/root/lib/systemd/system/skm-kiosk.service"
for line in User=skm-kiosk PAMName=login TTYPath=/dev/tty1 Restart=always Conflicts=getty@tty1.service \
            EnvironmentFile=/etc/skm/kiosk.conf; do
    grep -qx "$line" "$kiosk_unit" || fail "skm-kiosk.service lacks $line"
done
grep -q '^ExecStart=/usr/bin/cage -s -- /usr/bin/skm-kiosk ' "$kiosk_unit" || fail "the kiosk does not run in cage"

# ---- the default configuration works with the packaged programs ---------------------
# The kiosk reads /etc/skm/kiosk.json before it opens a window: with no display it
# must get past the configuration and stop at "no display" (exit 1), not at a bad
# configuration (exit 3). Paths of kiosk.conf are mapped into the extracted tree.
options="$(sed -n 's/^SKM_KIOSK_OPTIONS="\(.*\)"$/\1/p' "$work/root/etc/skm/kiosk.conf")"
[ -n "$options" ] || fail "kiosk.conf has no SKM_KIOSK_OPTIONS"
mkdir -p "$work/root/var/lib/skm/kiosk"
mapped="$(echo "$options" | sed "s|/etc/|$work/root/etc/|g; s|/var/|$work/root/var/|g")"
set +e
# shellcheck disable=SC2086
env -u DISPLAY -u WAYLAND_DISPLAY "$work/root/usr/bin/skm-kiosk" $mapped --assets "$work/root/usr/share/skm" \
    >"$work/kiosk.out" 2>&1
code=$?
set -e
[ "$code" = 1 ] || { cat "$work/kiosk.out" >&2; fail "skm-kiosk with the packaged kiosk.conf exited $code, expected 1 (no display)"; }

# The hub's options parse and name the files postinst makes: serve them against a
# throwaway certificate, key and token, and see it listen.
hub_options="$(sed -n 's/^SKM_HUB_OPTIONS="\(.*\)"$/\1/p' "$work/root/etc/skm/hub.conf")"
for f in /var/lib/skm/hub/hub.db /etc/skm/hub-admin-token "--trusted-proxy 127.0.0.1" "--listen 127.0.0.1:8480"; do
    echo "$hub_options" | grep -q -- " $f" || fail "hub.conf does not use $f"
done
# The nginx site: the certificate postinst makes, the hub's address from hub.conf, the shipped snippet.
site="$work/root/etc/nginx/sites-available/skm-hub"
for line in "ssl_certificate /etc/skm/tls/hub.crt;" "ssl_certificate_key /etc/skm/tls/hub.key;" \
            "server 127.0.0.1:8480;" "include /usr/share/skm-hub/nginx/skm-hub-proxy.conf;" "listen 443 ssl;" "listen 8443 ssl;"; do
    grep -qF "$line" "$site" || fail "the nginx site lacks '$line'"
done
mkdir -p "$work/root/etc/skm/tls" "$work/root/var/lib/skm/hub"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -keyout "$work/root/etc/skm/tls/hub.key" -out "$work/root/etc/skm/tls/hub.crt" 2>/dev/null
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/root/etc/skm/hub-admin-token"
# nginx itself accepts the packaged site with the packaged snippet inside Debian's own
# nginx.conf (which sets ssl_protocols and keepalive_timeout at the http level), paths
# moved into the unpacked root.
sed "s|/usr/share/skm-hub/|$work/root/usr/share/skm-hub/|; s|/etc/skm/|$work/root/etc/skm/|g" "$site" >"$work/site.conf"
sed -e "s|include /etc/nginx/sites-enabled/\*;|include $work/site.conf;|" -e "s|^pid .*|pid $work/nginx.pid;|" \
    /etc/nginx/nginx.conf >"$work/nginx-test.conf"
grep -q "include $work/site.conf;" "$work/nginx-test.conf" || fail "Debian's nginx.conf no longer includes sites-enabled"
nginx -t -q -e "$work/nginx-test.log" -c "$work/nginx-test.conf" 2>"$work/nginx-test.err" ||
    { cat "$work/nginx-test.err" "$work/nginx-test.log" >&2; fail "nginx -t refuses the packaged site"; }
mapped="$(echo "$hub_options" | sed "s|/etc/|$work/root/etc/|g; s|/var/|$work/root/var/|g; s|--listen [^ ]*|--listen 127.0.0.1:0|")"
# shellcheck disable=SC2086
"$work/root/usr/bin/skm-hub" --assets "$work/root/usr/share/skm" serve $mapped >"$work/hub.out" 2>&1 &
hub_pid=$!
listening=no
for _ in $(seq 1 100); do
    if grep -q '127.0.0.1:[1-9]' "$work/hub.out"; then listening=yes; break; fi
    kill -0 "$hub_pid" 2>/dev/null || break
    sleep 0.1
done
kill "$hub_pid" 2>/dev/null || true
wait "$hub_pid" 2>/dev/null || true
[ "$listening" = yes ] || { cat "$work/hub.out" >&2; fail "skm-hub with the packaged hub.conf did not listen"; }
[ -f "$work/root/var/lib/skm/hub/hub.db" ] || fail "skm-hub made no database at the hub.conf path"

if [ "$failures" -ne 0 ]; then
    echo "package_test: $failures failure(s)" >&2
    exit 1
fi
echo "package_test: 3 packages ($version) checked: files, conffiles, Depends, scripts, units, default configuration"
