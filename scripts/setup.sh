#!/usr/bin/env bash
# Installs what SSE Lens needs and a fresh machine lacks: Chromium and Firefox ESR from apt
# (the tests drive both; npm packages must not download browsers of their own) and the exact
# npm dependencies. Safe to run again: it only installs what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x "${CHROME_PATH:-/usr/lib/chromium/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/lib/firefox-esr/firefox-esr}" ] || missing+=(firefox-esr)
if [ "${SSE_LENS_XVFB:-0}" = 1 ] && ! command -v xvfb-run >/dev/null; then missing+=(xvfb xauth); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]} with apt-get"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || {
      echo "setup: need root (or sudo) to install ${missing[*]}; or set CHROME_PATH/FIREFOX_PATH" >&2
      exit 1
    }
    sudo="sudo"
  fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
