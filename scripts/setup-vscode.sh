#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, unattended and idempotently:
#   - Debian packages chromium, ripgrep, libkrb5-dev (only the missing ones);
#   - code-server 4.100.3 (VS Code 1.100.3 as a server) into .vscode-test/code-server/ (git-ignored),
#     skipped when that exact version is already installed there.
# Why code-server: @vscode/test-electron cannot download VS Code on these machines (no internet);
# code-server comes from the npm registry and runs the same extension host and workbench.
# Usage: scripts/setup-vscode.sh   (as root, or with passwordless sudo for the apt step)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE_VERSION=1.15.11
RIPGREP_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.vscode-test/code-server"
marker="$dest/.installed-$CODE_SERVER_VERSION"

log() { echo "[setup-vscode] $*"; }

# --- 1. Debian packages -------------------------------------------------------------------------
missing=()
for pkg in chromium ripgrep libkrb5-dev; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      echo "[setup-vscode] missing packages: ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  log "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q </dev/null
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
  log "apt packages present"
fi

# --- 2. code-server -----------------------------------------------------------------------------
if [[ -f "$marker" && -x "$dest/node_modules/.bin/code-server" ]]; then
  log "code-server $CODE_SERVER_VERSION present (cached in .vscode-test/code-server)"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive:
# give it Debian's binary in the form it expects.
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION"
if [[ ! -s "$cache/$RIPGREP_ARCHIVE" ]]; then
  log "seeding the ripgrep cache with /usr/bin/rg"
  mkdir -p "$cache/x"
  cp /usr/bin/rg "$cache/x/rg"
  tar czf "$cache/$RIPGREP_ARCHIVE" -C "$cache/x" rg
fi

# Native modules (node-pty, kerberos, ...) compile against Node's headers; node-gyp would download them
# unless pointed at the ones Debian's nodejs installs (no internet here).
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node_version.h ]]; then
  export npm_config_nodedir=/usr
fi

log "installing code-server $CODE_SERVER_VERSION into .vscode-test/code-server (about 3 minutes)"
rm -rf "$dest"
mkdir -p "$dest"
# A package.json of its own so npm treats this folder as the project root, not the repository.
printf '{ "name": "vigil-code-server", "private": true }\n' >"$dest/package.json"
# unsafe_perm: as root, code-server's postinstall refuses to run without it;
# yes: node-pty's postinstall calls `npx node-gyp`, which would otherwise ask.
if ! (cd "$dest" && npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" </dev/null); then
  rm -rf "$dest"
  echo "[setup-vscode] npm install code-server@$CODE_SERVER_VERSION failed" >&2
  exit 1
fi
"$dest/node_modules/.bin/code-server" --version >/dev/null
touch "$marker"
log "code-server $CODE_SERVER_VERSION installed"
