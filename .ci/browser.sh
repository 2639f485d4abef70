#!/usr/bin/env bash
# The browser tests: the README's GraphiQL walk-through in a real headless Chromium
# (test/browser/, the `browser` project of vitest.config.ts). `bash .ci/browser.sh`
#
# Chromium is Debian's package: `npx playwright install` cannot download a browser here, so
# playwright-core (a dev dependency) drives /usr/bin/chromium. Installing it needs root and
# Debian's apt (about 50 s the first time on a fresh machine); it is skipped when present.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

chromium=/usr/bin/chromium
if [[ ! -x "$chromium" ]]; then
  echo "browser: installing Debian's chromium"
  started=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  echo "browser: chromium installed in $((SECONDS - started)) s"
fi
# Debian's wrapper script can print a harmless shell warning on stderr; the version is on stdout.
echo "browser: $("$chromium" --version 2>/dev/null)"

CHROMIUM_PATH="$chromium" npx vitest run --project browser
