#!/usr/bin/env bash
# Installs the real browsers the e2e tests and the demo drive, from Debian/Ubuntu packages:
# Chromium (+ its driver and translations, for the Korean tests), Firefox ESR (+ its Korean language pack)
# and a font with Hangul. Does nothing when they are all there already.
set -euo pipefail
# unzip: the e2e tests load the zipped packages (npm run zip), unpacked, as a store reviewer would.
PACKAGES=(chromium chromium-driver chromium-l10n firefox-esr firefox-esr-l10n-ko fonts-noto-cjk unzip)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Browsers already installed: $(chromium --version 2>/dev/null | head -n 1); $(firefox-esr --version 2>/dev/null)"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "Installed: $(chromium --version 2>/dev/null | head -n 1); $(firefox-esr --version 2>/dev/null)"
