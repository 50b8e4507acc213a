#!/usr/bin/env bash
# Lighthouse CI on a freshly built simulated site (Guerrero at 23:40): mobile audits of the
# home, an election overview and a section page, with the assertions in lighthouserc.cjs.
# Runs Debian's chromium (CHROME_PATH); reports go to .lighthouseci/. Run as `npm run lighthouse`.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASTRO_TELEMETRY_DISABLED=1
echo "lighthouse: building the simulated site in $work"
node src/cli/prep.ts simulate --out "$work/sim" --as-of 23:40 --images > /dev/null 2>&1
node src/cli/prep.ts site --config "$work/sim/config.yaml" --source "$work/sim/captura.ndjson" \
  --images "$work/sim/actas" --at 23:40 --out "$work/site" --data "$work/data" > /dev/null 2>&1
section=$(cd "$work/site" && ls -d eleccion/DIP_LOC/distrito/7/seccion/* | head -n 1)
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} PREP_LHCI_SITE="$work/site" PREP_LHCI_SECTION="/$section/" \
  lhci autorun --config=lighthouserc.cjs
