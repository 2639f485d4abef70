#!/usr/bin/env bash
# The Dockerfile's runtime stage, proved without a Docker engine: `bash .ci/prod-smoke.sh`
# (run by .ci/run; standalone it builds and fetches what it needs).
#
#  - the base image in the Dockerfile is Node 24, and every stage uses it;
#  - build with that Node 24 release, then rebuild the runtime stage in a directory from the
#    Dockerfile's own lines (its COPYs in order, build's /app/dist from ./dist, then its npm ci):
#    no dev dependency and no install script is needed at run time;
#  - the image contents check: list every file that stage holds and refuse anything of
#    development (the emulator, token minting, GraphiQL, dev/), source, source maps or per-file
#    tsc output; dist/ is the bundle and its chunks only;
#  - NODE_ENV=production without Graph credentials exits non-zero with a clear message;
#  - ENTRYPOINT + CMD from the Dockerfile (tini, then node dist/main.js), with the runtime
#    stage's ENV, as an unprivileged user, against the emulator (run from its package's source;
#    it is not in the image):
#    /health answers, the HEALTHCHECK command passes as written, a GraphQL query through the
#    gateway returns task definitions (and is refused without an API key), and SIGTERM stops it
#    cleanly with exit code 0.
# Every process started here is stopped on exit, failure included.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '  -- %s\n' "$*"; }
die() {
  printf 'prod-smoke: FAILED: %s\n' "$*" >&2
  exit 1
}

# ---- The Dockerfile: Node 24 everywhere, the runtime settings the checks below rely on --------
node_image="$(node .ci/dockerfile.mjs node-image)"
[[ "$node_image" =~ ^node:(24\.[0-9]+\.[0-9]+)-[a-z]+-slim(@sha256:[0-9a-f]{64})?$ ]] ||
  die "Dockerfile ARG NODE_IMAGE=$node_image: expected node:24.<minor>.<patch>-<debian>-slim[@sha256:...]"
node_version="${BASH_REMATCH[1]}"
while read -r from; do
  # shellcheck disable=SC2016 # the literal text ${NODE_IMAGE}
  [[ "$from" == '${NODE_IMAGE}' ]] || die "Dockerfile: FROM $from: every stage must use \${NODE_IMAGE}"
done < <(node .ci/dockerfile.mjs froms)
mapfile -t runtime_env < <(node .ci/dockerfile.mjs env)
for expected in NODE_ENV=production HOST=0.0.0.0 PORT=4000; do
  printf '%s\n' "${runtime_env[@]}" | grep -qx "$expected" || die "Dockerfile runtime ENV lacks $expected"
done
node .ci/dockerfile.mjs expose | grep -qx 4000 || die 'Dockerfile: no EXPOSE 4000'
[[ "$(node .ci/dockerfile.mjs user)" == node ]] || die 'Dockerfile: the runtime stage must run as USER node'
mapfile -d '' -t entrypoint < <(node .ci/dockerfile.mjs entrypoint)
mapfile -d '' -t cmd < <(node .ci/dockerfile.mjs cmd)
mapfile -d '' -t healthcheck < <(node .ci/dockerfile.mjs healthcheck)
[[ "${entrypoint[0]}" == */tini ]] || die "Dockerfile: ENTRYPOINT must start with tini, is: ${entrypoint[*]}"
[[ "${cmd[*]}" == 'node dist/main.js' ]] || die "Dockerfile: CMD must be [\"node\", \"dist/main.js\"], is: ${cmd[*]}"
step "Dockerfile: $node_image; runtime ${runtime_env[*]}; ENTRYPOINT ${entrypoint[*]}; CMD ${cmd[*]}"


# ---- Node 24: the image's exact release ------------------------------------------------------
node24_bin="${NODE24_BIN:-$(bash .ci/node24.sh "$node_version")}"
[[ "$("$node24_bin/node" --version)" == "v$node_version" ]] || die "$node24_bin/node is not v$node_version"
export PATH="$node24_bin:$PATH"
step "node $(node --version) from $node24_bin (npm $(npm --version 2>/dev/null) runs on it)"

# ---- Build stage: npm run build (node_modules from .ci/run's npm ci) -------------------------
[[ -d node_modules ]] || npm ci --ignore-scripts --no-audit --no-fund
npm run --silent build
[[ -f dist/main.js ]] || die 'npm run build made no dist/main.js'

# ---- Runtime stage: package*.json + dist/ + production dependencies, nothing else -----------
app="$(mktemp -d "${TMPDIR:-/tmp}/upg-prod.XXXXXX")"
emulator_pid=''
gateway_pid=''

stop_process() { # pid: TERM, then KILL (with its children) after 5 s
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  pkill -KILL -P "$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  stop_process "$gateway_pid"
  stop_process "$emulator_pid"
  if ((status != 0)); then
    for log in "$app"/*.log; do
      [[ -s "$log" ]] && { echo "---- $(basename "$log") (last 40 lines)"; tail -n 40 "$log"; }
    done
  fi
  rm -rf "$app"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The runtime stage's COPYs, in order: `COPY --from=build /app/X` is ./X, what step 6's build made.
copied=0
while read -r stage sources; do
  read -r -a paths <<<"$sources"
  dest="${paths[-1]}"
  unset 'paths[-1]'
  for src in "${paths[@]}"; do
    if [[ "$stage" == build ]]; then
      [[ "$src" == /app/* ]] || die "COPY --from=build $src: expected a path under /app"
      src=".${src#/app}"
    elif [[ "$stage" != - ]]; then
      die "COPY --from=$stage: only the build stage is mirrored here"
    fi
    target="$app/${dest#./}"
    if [[ "$dest" == */ ]]; then mkdir -p "$target"; else mkdir -p "$(dirname "$target")"; fi
    cp -R "$src" "$target"
    copied=$((copied + 1))
  done
done < <(node .ci/dockerfile.mjs copies)
npm_ci="$(node .ci/dockerfile.mjs npm-ci)"
# shellcheck disable=SC2086 # the Dockerfile's command, word-split as the shell in RUN would
(cd "$app" && $npm_ci)
step "runtime stage from the Dockerfile: $copied COPY sources, then: $npm_ci"

# The packages the runtime stage installed have no install scripts, so its --ignore-scripts is
# safe. Judged by what was installed (the gateway's workspace alone), not by the lock's dev flags,
# which count the emulator's optional vitest peer (esbuild has a script) as production.
# shellcheck disable=SC2016 # JavaScript template literals
node -e '
  const { existsSync } = require("node:fs");
  const lock = require("./package-lock.json");
  const scripted = Object.entries(lock.packages)
    .filter(([path, p]) => path && p.hasInstallScript && existsSync(`${process.argv[1]}/${path}`))
    .map(([path]) => path);
  if (scripted.length) {
    console.error("installed production packages with install scripts (drop --ignore-scripts from the Dockerfile?):", scripted);
    process.exit(1);
  }' "$app"

# ---- The image contents check: what ships, and nothing else ---------------------------------
node .ci/image-contents.mjs "$app"

# Nothing that only development needs was installed (so nothing like it can be needed by what
# runs below): no package the lock file marks dev-only is present.
# shellcheck disable=SC2016 # JavaScript template literals
node -e '
  const { existsSync } = require("node:fs");
  const lock = require("./package-lock.json");
  const devOnly = Object.entries(lock.packages).filter(([path, p]) => path && p.dev).map(([path]) => path);
  const present = devOnly.filter((path) => existsSync(`${process.argv[1]}/${path}`));
  if (present.length) { console.error("dev-only packages in the production install:", present); process.exit(1); }
  if (!devOnly.some((path) => path.endsWith("/typescript"))) { console.error("the lock marks no dev-only typescript: check the test"); process.exit(1); }
' "$app"
step "npm ci --omit=dev --ignore-scripts: node_modules $(du -sh "$app/node_modules" | cut -f1), no dev dependency"

# As in the image: node on PATH, the files readable (not writable) by the user that runs them.
mkdir -p "$app/bin"
cp "$node24_bin/node" "$app/bin/node"
chmod -R a+rX,go-w "$app"
if [[ "$(id -u)" == 0 ]] && command -v setpriv >/dev/null; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups) # nobody, like USER node: unprivileged
  user_note='as uid 65534 (unprivileged)'
else
  as_user=()
  user_note="as $(id -un)"
fi

# tini, from Debian's packages as in the image.
tini="${entrypoint[0]}"
if [[ ! -x "$tini" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    step "installing tini from Debian's packages (as the Dockerfile does)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tini >/dev/null
  fi
  [[ -x "$tini" ]] || die "$tini is missing and could not be installed: sudo apt-get install tini"
fi

# The container's environment: the runtime stage's ENV, then what `docker run -e` would add.
# env -i: nothing from this shell (no stray AZURE_* or GRAPH_*) reaches the processes.
base_env=(PATH="$app/bin:/usr/local/bin:/usr/bin:/bin" HOME=/nonexistent "${runtime_env[@]}")
api_key="ci-smoke-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
emulator_port="$(node .ci/http.mjs free-port)"
gateway_port="$(node .ci/http.mjs free-port)"

# ---- NODE_ENV=production without Graph credentials must refuse to start ---------------------
refused_port="$(node .ci/http.mjs free-port)"
set +e
(cd "$app" && exec "${as_user[@]}" env -i "${base_env[@]}" HOST=127.0.0.1 PORT="$refused_port" \
  GATEWAY_API_KEYS="$api_key" timeout 15 node dist/main.js) >"$app/refused.log" 2>&1
refused_status=$?
set -e
if ((refused_status == 0 || refused_status == 124)); then
  cat "$app/refused.log"
  die "NODE_ENV=production without Graph credentials: expected a non-zero exit, got $refused_status"
fi
grep -qi 'credentials' "$app/refused.log" || {
  cat "$app/refused.log"
  die 'NODE_ENV=production without Graph credentials: the message does not mention credentials'
}
step "NODE_ENV=production without Graph credentials: exit $refused_status, $(grep -io '"message":"[^"]*"' "$app/refused.log" | head -n 1)"

# ---- The emulator, standing in for Microsoft Graph ------------------------------------------
# Not in the image: run from its package in this checkout (tsx from its dev dependencies).
(exec env -i "${base_env[@]}" NODE_ENV=development EMULATOR_HOST=127.0.0.1 \
  EMULATOR_PORT="$emulator_port" node --import tsx packages/emulator/src/main.ts) >"$app/emulator.log" 2>&1 &
emulator_pid=$!
node .ci/http.mjs wait "http://127.0.0.1:$emulator_port/_emulator/health" >/dev/null ||
  die "the emulator did not come up on port $emulator_port"

# ---- The gateway: ENTRYPOINT + CMD, production, unprivileged --------------------------------
# TINI_SUBREAPER: here tini is not PID 1 as in the container, so it registers as a subreaper
# (otherwise it warns that it cannot reap zombies); it forwards signals the same way.
(cd "$app" && exec "${as_user[@]}" env -i "${base_env[@]}" TINI_SUBREAPER=1 \
  HOST=127.0.0.1 PORT="$gateway_port" \
  GRAPH_BASE_URL="http://127.0.0.1:$emulator_port" GRAPH_ACCESS_TOKEN=emulator-gateway-app-token \
  GATEWAY_API_KEYS="$api_key" \
  GATEWAY_TRUSTED_DOCUMENTS=trusted-documents/release-app.json GATEWAY_TRUSTED_DOCUMENTS_ONLY=true \
  "${entrypoint[@]}" "${cmd[@]}") >"$app/gateway.log" 2>&1 &
gateway_pid=$!
step "gateway: ${entrypoint[*]} ${cmd[*]} $user_note on 127.0.0.1:$gateway_port, Graph = emulator on :$emulator_port"
node .ci/http.mjs wait "http://127.0.0.1:$gateway_port/health" 50 200

# The Dockerfile's HEALTHCHECK command, as written, in the container's environment and user.
(cd "$app" && exec "${as_user[@]}" env -i "${base_env[@]}" PORT="$gateway_port" "${healthcheck[@]}") ||
  die 'the HEALTHCHECK command failed against a healthy gateway'
step 'HEALTHCHECK command: exit 0'

node .ci/http.mjs gateway-smoke "http://127.0.0.1:$gateway_port/graphql" "$api_key"
# The image's manifest loaded (a service key may still send its own documents, as above).
grep -q '"message":"Trusted documents loaded"' "$app/gateway.log" ||
  die 'the gateway did not load trusted-documents/release-app.json'
step "trusted documents: $(grep -o '"documents":[0-9]*' "$app/gateway.log" | head -n 1) from trusted-documents/release-app.json"

# ---- docker stop: SIGTERM to PID 1 (tini), forwarded to node, which drains and exits 0 -----
kill -TERM "$gateway_pid"
stopped_status=''
for _ in $(seq 150); do
  if ! kill -0 "$gateway_pid" 2>/dev/null; then
    set +e
    wait "$gateway_pid"
    stopped_status=$?
    set -e
    break
  fi
  sleep 0.1
done
[[ -n "$stopped_status" ]] || die 'the gateway did not stop within 15 s of SIGTERM'
gateway_pid=''
((stopped_status == 0)) || die "the gateway exited $stopped_status on SIGTERM (expected 0)"
grep -q 'Shutting down' "$app/gateway.log" || die 'no "Shutting down" log line: SIGTERM did not reach node'
step 'SIGTERM through tini: node shut down, exit 0'

# And the HEALTHCHECK does fail once nothing answers (it is not vacuous).
if (cd "$app" && exec "${as_user[@]}" env -i "${base_env[@]}" PORT="$gateway_port" "${healthcheck[@]}") 2>/dev/null; then
  die 'the HEALTHCHECK command passed with the gateway stopped'
fi
step 'HEALTHCHECK command with the gateway stopped: non-zero, as it should'

echo "prod-smoke: OK (node v$node_version, $node_image)"
