#!/usr/bin/env bash
# Writes the expected outputs of every golden case with sipro 0.1.0 — never
# with the code under test. Run once, from a built checkout of tag v0.1.0:
#   git worktree add /tmp/sipro-0.1.0 v0.1.0 && (cd /tmp/sipro-0.1.0 && npm ci)
#   test/golden/generate.sh /tmp/sipro-0.1.0
# Inputs are in inputs/ (see README.md); outputs go to expected/<case>/.
set -euo pipefail
old=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
[ "$(node "$old/bin/sipro.js" --version)" = "0.1.0" ] || { echo "$old is not sipro 0.1.0" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
node -e '
  for (const c of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")))
    console.log([c.name, c.input, ...c.set.flatMap((s) => ["--set", s])].join("\t"));
' "$here/cases.json" | while IFS=$'\t' read -r name input sets; do
  read -r -a overrides <<< "${sets//$'\t'/ }"
  folder="$scratch/$name-in"
  cp -r "$here/$input" "$folder"
  gunzip -f "$folder"/*.gz 2>/dev/null || true
  node "$old/bin/sipro.js" project "$folder" --out "$scratch/$name" --quiet ${overrides[@]+"${overrides[@]}"}
  rm -rf "$here/expected/$name" && mkdir -p "$here/expected/$name"
  for file in projection.csv by_group.csv subsidy.csv entrants.csv; do
    if [ "$(wc -c < "$scratch/$name/$file")" -gt 200000 ]; then gzip -9n < "$scratch/$name/$file" > "$here/expected/$name/$file.gz"
    else cp "$scratch/$name/$file" "$here/expected/$name/$file"; fi
  done
  # The indicators only: the run record (version, hashes, command line) is not an output to compare.
  node -e '
    const fs = require("fs");
    const { assertions, run, ...indicators } = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    fs.writeFileSync(process.argv[2], JSON.stringify(indicators, null, 2) + "\n");
  ' "$scratch/$name/summary.json" "$here/expected/$name/indicators.json"
  echo "wrote expected/$name"
done
