#!/usr/bin/env bash
# Provides n8n's own package tools, pinned, in a cache folder outside the repo, for the per-provider packages
# (scripts/packages.js): @n8n/node-cli (`n8n-node build` / `n8n-node lint`) and @n8n/scan-community-package
# (the scanner n8n runs before it verifies a package), with the TypeScript and n8n-workflow the pack builds
# with. They are not root devDependencies: the CLI alone pulls in about 600 packages (langchain, a second
# n8n-workflow, platform binaries). Install scripts stay off as everywhere in this repo (.npmrc):
# eslint-plugin-n8n-nodes-base, which the CLI's lint loads, has a `preinstall` that refuses any package
# manager but pnpm, and nothing these tools run needs a script.
#
#   N8N_CACHE_DIR (default ~/.cache/n8n-session-messaging)
# Prints, as its last line, the tools folder (its node_modules is what each package folder links to).
set -euo pipefail

NODE_CLI_VERSION=0.48.3
SCANNER_VERSION=0.32.0
cd "$(dirname "$0")/.."
TYPESCRIPT_VERSION=$(node -p "require('./package.json').devDependencies.typescript")
N8N_WORKFLOW_VERSION=$(node -p "require('./package.json').devDependencies['n8n-workflow']")
CACHE="${N8N_CACHE_DIR:-$HOME/.cache/n8n-session-messaging}"
TOOLS="$CACHE/node-cli-$NODE_CLI_VERSION-scanner-$SCANNER_VERSION-ts-$TYPESCRIPT_VERSION-workflow-$N8N_WORKFLOW_VERSION"
MARKER="$TOOLS/.provisioned"
started=$(date +%s)
step() { echo "[provide-node-cli +$(($(date +%s) - started))s] $*" >&2; }

if [ -f "$MARKER" ]; then
	step "reusing n8n's package tools in $TOOLS"
	echo "$TOOLS"
	exit 0
fi

mkdir -p "$TOOLS"
exec 9>"$CACHE/.lock-node-cli"
flock 9
cat >"$TOOLS/package.json" <<JSON
{
  "name": "n8n-package-tools-for-session-messaging",
  "private": true,
  "dependencies": {
    "@n8n/node-cli": "$NODE_CLI_VERSION",
    "@n8n/scan-community-package": "$SCANNER_VERSION",
    "typescript": "$TYPESCRIPT_VERSION",
    "n8n-workflow": "$N8N_WORKFLOW_VERSION"
  }
}
JSON
# About 600 packages, ~730 MB, ~35 s with a warm npm cache (measured on a 2-core machine).
step "installing @n8n/node-cli $NODE_CLI_VERSION, @n8n/scan-community-package $SCANNER_VERSION, typescript $TYPESCRIPT_VERSION, n8n-workflow $N8N_WORKFLOW_VERSION"
if ! npm install --prefix "$TOOLS" --no-audit --no-fund --ignore-scripts >"$TOOLS/install.log" 2>&1; then
	step "FAILED — last 60 lines of $TOOLS/install.log:"
	tail -n 60 "$TOOLS/install.log" >&2
	exit 1
fi
touch "$MARKER"
step "done"
echo "$TOOLS"
