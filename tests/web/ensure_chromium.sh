#!/usr/bin/env bash
# Make a headless Chromium available for the browser tests (tests/web/test_web_browser.py).
# Exits 0 and prints the browser's path when one is installed or could be installed with
# Debian's apt (as root, or with password-less sudo); exits 1 with a reason otherwise.
# Called by `make browser`, and by the browser tests themselves when no browser is found.
set -u

find_browser() {
    for name in chromium chromium-browser google-chrome google-chrome-stable headless_shell; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    done
    return 1
}

if find_browser; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: no chromium and no apt-get; install Chromium (or Chrome) yourself" >&2
    exit 1
fi
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "ensure_chromium: installing chromium needs root (or password-less sudo)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure_chromium: installing Debian's chromium (a few minutes)..." >&2
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null \
    && $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium chromium-driver >/dev/null \
    || { echo "ensure_chromium: apt-get could not install chromium" >&2; exit 1; }
find_browser || { echo "ensure_chromium: chromium installed but not on PATH" >&2; exit 1; }
