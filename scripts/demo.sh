#!/usr/bin/env bash
# The README's main command: set up what is missing, build the extension, start the
# scenario server and open Chromium with SSE Lens loaded and DevTools on the SSE panel.
# Without a display it says so; SSE_LENS_XVFB=1 runs it inside a virtual one. Arguments
# (`--lang ru`) go to scripts/demo.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "${SSE_LENS_XVFB:-0}" = 1 ]; then exec xvfb-run -a npm start -- "$@"; fi
exec npm start -- "$@"
