#!/usr/bin/env bash
# The README's test command: set up what is missing, then lint, format check, typecheck,
# unit tests, build, end-to-end tests in Chromium's real DevTools panel, the Firefox
# smoke test and the package tests (`npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm test
