#!/bin/bash
# postrm of the lobby-robot deb (electron-builder `deb.afterRemove`; same macro rule as
# after-install.sh). The package's own files are removed by dpkg; the robot's data in
# /var/lib/lobby-robot and its configuration in /etc/lobby-robot are kept, also on purge:
# tickets not yet synced must never vanish with a package.
set -e

case "$1" in
    upgrade|failed-upgrade) exit 0 ;; # the new version's postinst puts everything back
esac

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}' || true
else
    rm -f '/usr/bin/${executable}'
fi

profile='/etc/apparmor.d/${executable}'
if [ -f "$profile" ]; then
    if apparmor_status --enabled >/dev/null 2>&1 && ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
        apparmor_parser --remove "$profile" || true
    fi
    rm -f "$profile"
fi

if hash udevadm 2>/dev/null && [ -d /run/udev ]; then
    udevadm control --reload-rules || true
fi
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
fi
exit 0
