#!/bin/bash
# prerm of the lobby-robot deb (passed to fpm as --before-remove). On removal (not on upgrade)
# stop the kiosk and disable it while its unit file still exists.
set -e
case "$1" in
    remove|deconfigure)
        if [ -d /run/systemd/system ]; then
            systemctl disable --now lobby-robot-kiosk.service || true
        fi
        ;;
esac
exit 0
