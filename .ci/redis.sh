#!/usr/bin/env bash
# The replica tests (test/integration/replicas*.test.ts, test/unit/redis-*.test.ts) start a real
# redis-server on loopback (test/helpers/redis-server.ts): Debian's package, installed here when
# missing. Installing needs root and apt; it is skipped when the server is present.
set -euo pipefail

redis=/usr/bin/redis-server
if [[ ! -x "$redis" ]]; then
  echo "redis: installing Debian's redis-server"
  started=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Only the binary: the tests start their own server; the package's service is not needed.
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  echo "redis: redis-server installed in $((SECONDS - started)) s"
fi
echo "redis: $("$redis" --version)"
