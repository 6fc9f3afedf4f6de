#!/bin/bash
# postinst of the lobby-robot deb (electron-builder `deb.afterInstall`). electron-builder
# replaces the ${executable} and ${sanitizedProductName} macros and refuses any other ${...},
# so shell variables here are written $name, never with braces.
#
# The first part is electron-builder's own after-install template (command link, Chromium
# sandbox, AppArmor profile); the second installs the robot's system integration, whose files
# the package carries in /usr/lib (systemd unit, udev rules, sysusers, journald limits).
set -e

app='/opt/${sanitizedProductName}'

if type update-alternatives >/dev/null 2>&1; then
    if [ -L '/usr/bin/${executable}' ] && [ -e '/usr/bin/${executable}' ] && [ "$(readlink '/usr/bin/${executable}')" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' "$app/${executable}" 100 || ln -sf "$app/${executable}" '/usr/bin/${executable}'
else
    ln -sf "$app/${executable}" '/usr/bin/${executable}'
fi

# Chromium's sandbox: user namespaces when the kernel allows them, else the SUID helper
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    chmod 4755 "$app/chrome-sandbox" || true
else
    chmod 0755 "$app/chrome-sandbox" || true
fi

# Ubuntu 24.04+ restricts user namespaces to programs with an AppArmor profile
if apparmor_status --enabled >/dev/null 2>&1; then
    profile_source="$app/resources/apparmor-profile"
    profile_target='/etc/apparmor.d/${executable}'
    if apparmor_parser --skip-kernel-load --debug "$profile_source" >/dev/null 2>&1; then
        cp -f "$profile_source" "$profile_target"
        if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --replace --write-cache --skip-read-cache "$profile_target" || true
        fi
    fi
fi

# --- the robot's system integration ---------------------------------------------------------
# users kiosk and lobby-robot (idempotent)
if hash systemd-sysusers 2>/dev/null; then
    systemd-sysusers lobby-robot.conf || true
fi
# /dev/lobby-printer, /dev/lobby-board, /dev/lobby-scanner-* for devices already plugged in
if hash udevadm 2>/dev/null && [ -d /run/udev ]; then
    udevadm control --reload-rules || true
    udevadm trigger --action=add --subsystem-match=usb --subsystem-match=usbmisc --subsystem-match=tty --subsystem-match=hidraw || true
fi
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
    # an upgrade takes effect at once on a running robot; a fresh install is enabled by the
    # technician (docs/install.md), never behind their back on a desktop that has tty1 in use
    systemctl try-restart lobby-robot-kiosk.service || true
fi
exit 0
