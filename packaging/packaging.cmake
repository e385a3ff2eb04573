# Install rules and the Debian packages (CPack DEB), included from the top-level
# CMakeLists.txt after every program is defined. Three packages:
#   skm-common  the `skm` tool, assets (/usr/share/skm), guides, the upgrade backup helper
#   skm-kiosk   the kiosk, its systemd unit (cage on tty1), /etc/skm/kiosk.{conf,json}, USB rule
#   skm-hub     the kabupaten server, its hardened systemd unit, /etc/skm/hub.conf, and
#               the nginx site in front of it (packaging/nginx)
# skm-common exists so that one machine may hold both the kiosk and the hub
# (a demo, or the release install test) without two packages owning /usr/bin/skm.
# Build them with scripts/package (→ build/packages/). Index: [install] [cpack]
include_guard(GLOBAL)
set(SKM_PACKAGE_VERSION "" CACHE STRING "Version of the .deb packages (empty: the version in project())")
if(NOT SKM_PACKAGE_VERSION)
  set(SKM_PACKAGE_VERSION "${PROJECT_VERSION}")
endif()
set(skm_pkg "${PROJECT_SOURCE_DIR}/packaging")

# ---- [install] ----------------------------------------------------------------
install(TARGETS skm RUNTIME DESTINATION bin COMPONENT common)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/assets/" DESTINATION share/skm COMPONENT common)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/id" "${PROJECT_SOURCE_DIR}/docs/en"
        DESTINATION share/doc/skm-common COMPONENT common)
install(PROGRAMS "${skm_pkg}/lib/db-snapshot" DESTINATION lib/skm COMPONENT common)
install(FILES "${skm_pkg}/lib/maint-common.sh" DESTINATION lib/skm COMPONENT common)

install(TARGETS skm-kiosk RUNTIME DESTINATION bin COMPONENT kiosk)
install(FILES "${skm_pkg}/systemd/skm-kiosk.service" DESTINATION /lib/systemd/system COMPONENT kiosk)
install(FILES "${skm_pkg}/etc/kiosk.conf" "${skm_pkg}/etc/kiosk.json" DESTINATION /etc/skm COMPONENT kiosk)
install(FILES "${skm_pkg}/udev/99-skm-usb.rules" DESTINATION /lib/udev/rules.d COMPONENT kiosk)

install(TARGETS skm-hub RUNTIME DESTINATION bin COMPONENT hub)
install(FILES "${skm_pkg}/systemd/skm-hub.service" DESTINATION /lib/systemd/system COMPONENT hub)
install(FILES "${skm_pkg}/etc/hub.conf" DESTINATION /etc/skm COMPONENT hub)
install(FILES "${skm_pkg}/nginx/skm-hub-proxy.conf" DESTINATION share/skm-hub/nginx COMPONENT hub)
# The site: the template scripts/hub-local fills too, here with the packaged paths and ports.
set(LISTEN "listen 443 ssl;\n    listen 8443 ssl;")
set(SERVER_NAME "_")
set(CERT /etc/skm/tls/hub.crt)
set(KEY /etc/skm/tls/hub.key)
set(SNIPPET /usr/share/skm-hub/nginx/skm-hub-proxy.conf)
set(HUB_ADDRESS 127.0.0.1:8480)  # the --listen of packaging/etc/hub.conf
set(CACHE_DIR /var/cache/nginx-skm-hub)  # the public page's cache; nginx makes it
configure_file("${skm_pkg}/nginx/skm-hub-site.conf.in" "${CMAKE_BINARY_DIR}/packaging/skm-hub-site.conf" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/packaging/skm-hub-site.conf" DESTINATION /etc/nginx/sites-available RENAME skm-hub
        COMPONENT hub)

# ---- [cpack] ------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME skm)
set(CPACK_PACKAGE_VERSION "${SKM_PACKAGE_VERSION}")
set(CPACK_PACKAGE_VENDOR "SKM Kiosk project")
set(CPACK_PACKAGE_CONTACT "SKM Kiosk maintainers <skm-kiosk@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL common kiosk hub)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The same version of skm-common, always: the tool, assets and backup helper move together.
set(skm_common_dep "skm-common (= ${SKM_PACKAGE_VERSION})")

set(CPACK_DEBIAN_COMMON_PACKAGE_NAME skm-common)
# libqrencode4: the QR codes of `skm links` (dpkg-shlibdeps finds it too; named so it is never lost).
set(CPACK_DEBIAN_COMMON_PACKAGE_DEPENDS "sqlite3, libqrencode4")
set(CPACK_COMPONENT_COMMON_DESCRIPTION
    "SKM Kiosk: the skm tool, questionnaire, translations and guides\n The skm command-line tool (IKM scoring, reports, import/export, database backup) and\n the assets shared by skm-kiosk and skm-hub (Permenpan RB 14/2017 surveys).")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME skm-kiosk)
# Beyond the libraries dpkg-shlibdeps finds: the fonts and GL driver it draws with, espeak-ng
# it runs for read-aloud, cage + Xwayland that show it full screen, adduser for its user,
# libqrencode4 for the "Isi lewat HP" QR code.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "${skm_common_dep}, fonts-noto-core, libgl1-mesa-dri, espeak-ng, cage, xwayland, adduser, systemd, libqrencode4")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${skm_pkg}/debian/skm-kiosk/conffiles;${skm_pkg}/debian/skm-kiosk/postinst;${skm_pkg}/debian/skm-kiosk/prerm;${skm_pkg}/debian/skm-kiosk/postrm")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
    "SKM Kiosk: full-screen touch survey for the service counter\n The citizen satisfaction survey (SKM) on a touchscreen, started full screen on tty1 at\n boot in cage, storing every response durably in /var/lib/skm/kiosk and uploading it\n to the kabupaten hub.")

set(CPACK_DEBIAN_HUB_PACKAGE_NAME skm-hub)
# nginx: the reverse proxy every public hub sits behind (packaging/nginx);
# ca-certificates: the Telegram Bot API's certificate (alert delivery, hub/alerts).
set(CPACK_DEBIAN_HUB_PACKAGE_DEPENDS "${skm_common_dep}, adduser, openssl, ca-certificates, systemd, nginx (>= 1.22)")
set(CPACK_DEBIAN_HUB_PACKAGE_CONTROL_EXTRA
    "${skm_pkg}/debian/skm-hub/conffiles;${skm_pkg}/debian/skm-hub/postinst;${skm_pkg}/debian/skm-hub/prerm;${skm_pkg}/debian/skm-hub/postrm")
set(CPACK_COMPONENT_HUB_DESCRIPTION
    "SKM hub: the kabupaten server SKM kiosks upload to\n HTTPS ingest of survey responses (exactly once), device enrolment, the IKM API and\n the web dashboard, as a hardened systemd service running as the unprivileged user\n skm-hub behind nginx, which terminates TLS and bounds every request.")

include(CPack)
