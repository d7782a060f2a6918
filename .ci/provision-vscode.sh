#!/usr/bin/env bash
# Provision a real VS Code (the code-server npm package: VS Code 1.100.3 server + web workbench)
# for the extension-host and browser UI tests, without any download other than the npm registry
# and Debian's apt. Idempotent: the result is cached and reused between runs.
#
#   .ci/provision-vscode.sh            provision (or verify the cached copy), print its location
#
# Environment:
#   CLOUDTRAIL_EVENTS_VSCODE_CACHE  cache folder (default: $HOME/.cache/cloudtrail-events-vscode)
#
# Why each step exists (code-server's own postinstall would fetch from GitHub, which is unreachable):
#   - ripgrep comes from apt and is linked where @vscode/ripgrep's postinstall looks for it;
#   - VS Code's native modules (node-pty, @parcel/watcher, spdlog, kerberos) and argon2 are
#     rebuilt for the running Node;
#   - code-server >= 4.103 needs Node 22, hence 4.100.3 on Node 20;
#   - fonts-nanum: a Korean font, so screenshots show the Korean descriptions.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
VSCODE_VERSION=1.100.3
PLAYWRIGHT_VERSION=1.65.1
CHROMIUM=/usr/bin/chromium

CACHE_ROOT="${CLOUDTRAIL_EVENTS_VSCODE_CACHE:-$HOME/.cache/cloudtrail-events-vscode}"
DEST="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
STAMP="$DEST/.provisioned"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"

# Only the entry path goes to stdout (for callers); all progress, npm's included, goes to stderr.
exec 3>&1 1>&2

T0=$(date +%s)
step_start=$T0
log() { printf '[provision-vscode] %s\n' "$*" >&2; }
die() { printf '[provision-vscode] ERROR: %s\n' "$*" >&2; exit 1; }
step() {
  local now; now=$(date +%s)
  log "$* (+$((now - step_start))s since previous step, $((now - T0))s total)"
  step_start=$now
}

# --- 1. system packages ------------------------------------------------------------------------
missing_pkgs=()
command -v node >/dev/null || die "node is not installed (Node 20 is required)"
command -v npm >/dev/null || die "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node >= 20 is required, found $(node --version)"
command -v pkg-config >/dev/null || missing_pkgs+=(pkg-config)
command -v rg >/dev/null || missing_pkgs+=(ripgrep)
[ -x "$CHROMIUM" ] || missing_pkgs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || [ -f /usr/include/krb5.h ] || missing_pkgs+=(libkrb5-dev)
command -v make >/dev/null || missing_pkgs+=(make)
command -v g++ >/dev/null || missing_pkgs+=(g++)
command -v python3 >/dev/null || missing_pkgs+=(python3)
# Without a Korean font the UI test's screenshots show descriptions as empty boxes.
{ command -v fc-list >/dev/null && [ -n "$(fc-list :lang=ko 2>/dev/null)" ]; } || missing_pkgs+=(fonts-nanum)

if [ ${#missing_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    die "missing system packages: ${missing_pkgs[*]} — run as root, or: sudo apt-get install -y ${missing_pkgs[*]}"
  fi
  command -v apt-get >/dev/null || die "missing system packages: ${missing_pkgs[*]} and apt-get is not available"
  log "installing system packages: ${missing_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed (is the Debian mirror reachable?)"
  apt-get install -y -qq "${missing_pkgs[@]}" >/dev/null || die "apt-get install failed for: ${missing_pkgs[*]}"
  step "system packages installed"
fi
RG=$(command -v rg) || die "ripgrep (rg) is still missing after apt-get"
[ -x "$CHROMIUM" ] || die "$CHROMIUM is still missing after apt-get (package: chromium)"

# --- 2. the cached copy is reused when it still works ---------------------------------------------
verify() {
  local out
  out=$(node "$ENTRY" --version 2>&1) || { log "code-server --version failed: $out"; return 1; }
  case "$out" in
    *"$CODE_SERVER_VERSION"*"$VSCODE_VERSION"*) ;;
    *) log "unexpected code-server version: $out"; return 1 ;;
  esac
  # Native modules must load in this Node (a Node upgrade invalidates them).
  (cd "$DEST/node_modules/code-server/lib/vscode" && node -e '
    for (const m of ["node-pty", "@parcel/watcher", "@vscode/spdlog", "kerberos"]) require(m);
  ') || { log "VS Code native modules do not load"; return 1; }
  (cd "$DEST" && node -e 'require("argon2")' ) || { log "argon2 does not load"; return 1; }
  [ -x "$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
    || { log "ripgrep link is missing"; return 1; }
  [ -f "$DEST/node_modules/playwright-core/package.json" ] || { log "playwright-core is missing"; return 1; }
  return 0
}

if [ -f "$STAMP" ] && verify; then
  step "cached copy verified at $DEST"
  log "ready in $(( $(date +%s) - T0 ))s (warm)"
  echo "$ENTRY" >&3
  exit 0
fi

# --- 3. build into a staging folder, then move it into place (an interrupted run leaves no half copy)
mkdir -p "$CACHE_ROOT"
STAGE="$CACHE_ROOT/.staging-$$"
rm -rf "$STAGE"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE"
cd "$STAGE"
# A package.json of its own keeps npm from walking up into an unrelated project.
printf '{ "name": "cloudtrail-events-vscode-cache", "private": true }\n' > package.json

NPM_FLAGS=(--no-audit --no-fund --loglevel=error)
log "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (no scripts)"
npm install "${NPM_FLAGS[@]}" --ignore-scripts "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" \
  || die "npm install code-server@$CODE_SERVER_VERSION failed (is the npm registry reachable?)"
step "code-server package installed"

VSCODE_DIR="$STAGE/node_modules/code-server/lib/vscode"
[ -d "$VSCODE_DIR" ] || die "code-server package has no lib/vscode folder"
cd "$VSCODE_DIR"
npm install "${NPM_FLAGS[@]}" --omit=dev --ignore-scripts || die "npm install in lib/vscode failed"
step "VS Code server dependencies installed"
# @vscode/ripgrep's postinstall downloads from GitHub unless bin/ already exists.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$RG" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild "${NPM_FLAGS[@]}" || die "npm rebuild of VS Code native modules failed (needs make, g++, python3, libkrb5-dev, pkg-config)"
step "VS Code native modules rebuilt"
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install "${NPM_FLAGS[@]}" --omit=dev) || die "npm install of built-in extensions failed"
step "built-in extensions installed"
cd "$STAGE"
npm rebuild "${NPM_FLAGS[@]}" argon2 || die "npm rebuild argon2 failed"
step "argon2 rebuilt"

cd "$CACHE_ROOT"
rm -rf "$DEST"
mv "$STAGE" "$DEST"
trap - EXIT
verify || die "provisioned copy at $DEST does not work (see messages above)"
date -u +%Y-%m-%dT%H:%M:%SZ > "$STAMP"
step "verified"
log "ready in $(( $(date +%s) - T0 ))s (cold) at $DEST"
echo "$ENTRY" >&3
