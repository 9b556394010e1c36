#!/usr/bin/env bash
# The tests use real OpenSSH (ssh-keygen, ssh, sshd), Debian's Chromium and Firefox ESR. Install what is missing
# when we can (root + apt-get, as on CI and fresh Debian machines); otherwise say exactly what to do.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v ssh-keygen >/dev/null 2>&1 && command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v puttygen >/dev/null 2>&1 || need+=(putty-tools)
command -v rsync >/dev/null 2>&1 || need+=(rsync)   # test/unit/command: rsync -e oracle
[ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)   # test/e2e/firefox.test.ts: the Firefox build in a real Firefox
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Missing system packages: ${need[*]}. On Debian/Ubuntu: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
