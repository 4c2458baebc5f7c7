#!/usr/bin/env bash
# Remakes the README's screenshots from the demo: docs/images/report.png and docs/images/team.png.
# Needs the .NET SDK and Debian's Chromium (apt-get install -y chromium). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project src/Reports.Cli -- demo --out "$work/one" >/dev/null
dotnet run --project src/Reports.Cli -- demo --team --out "$work/team" >/dev/null

shot() { # FILE PAGE WIDTH,HEIGHT
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3" --screenshot="$PWD/$1" "file://$2" 2>/dev/null
}
shot docs/images/report.png "$work/one/sprint-2-week-1/index.html" 1280,860
shot docs/images/team.png "$work/team/index.html" 1060,545
echo "wrote docs/images/report.png and docs/images/team.png"
