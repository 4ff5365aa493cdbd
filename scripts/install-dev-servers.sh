#!/usr/bin/env bash
# Installs the real dev servers the e2e tests start (test/e2e/support/dev-servers.ts), so that Port Doctor is
# checked against each tool's own answer: the npm ones (Next.js, Astro, webpack-dev-server, Express, serve) in
# test/dev-servers/node_modules from its own lockfile, and the ones Debian packages (Django, Flask, Jupyter
# Notebook). Vite and python3 -m http.server need nothing more. Does nothing when everything is there already.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(python3-django python3-flask python3-notebook)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm writes node_modules/.package-lock.json on every install: older than package-lock.json means stale.
dir=test/dev-servers
if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
  echo "Installing the dev servers of $dir (npm ci)"
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
fi
