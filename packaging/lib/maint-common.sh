# Shared by the skm-hub and skm-kiosk maintainer scripts (sourced, POSIX sh).
# systemd is only asked to start or stop anything when it is running (not in
# a chroot or container build); enabling works on files and is always done.

skm_systemd_running() { [ -d /run/systemd/system ]; }

# skm_enable UNIT: start it at boot.
skm_enable() {
    systemctl enable "$1" >/dev/null 2>&1 || echo "skm: could not enable $1 (enable it by hand)" >&2
}

# skm_reload: systemd re-reads the unit files of this package.
skm_reload() {
    if skm_systemd_running; then systemctl daemon-reload || true; fi
}

# skm_snapshot DB DIR FROM_VERSION: before a new binary migrates DB.
skm_snapshot() {
    if [ -f "$1" ]; then
        copy="$(/usr/lib/skm/db-snapshot "$1" "$2" "$3")"
        echo "skm: database backed up before the upgrade: $copy"
    fi
}
