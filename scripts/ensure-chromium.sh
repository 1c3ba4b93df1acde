#!/bin/sh
# Install Debian's chromium (for the browser tests) if /usr/bin/chromium is missing.
# Idempotent and quiet: does nothing when it is there; needs root (or sudo) otherwise.
set -eu
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        exec sudo -n "$0" "$@"
    fi
    echo "ensure-chromium: /usr/bin/chromium is missing and installing it needs root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "ensure-chromium: apt-get did not install /usr/bin/chromium" >&2; exit 1; }
