#!/usr/bin/env bash
# Regenerates the README's "Training results": trains the six datasets with MiniTorch's recommended settings
# (50 points, rate 0.5, 500 epochs, hidden 2 for simple and 10 for the others, seed 1), copies each boundary picture
# to docs/images/<dataset>-boundary.png and prints the last three log lines of each run and the summary table.
set -euo pipefail
cd "$(dirname "$0")/.."

out=runs/readme
rm -rf "$out"
mkdir -p runs
dotnet run --project src/MiniTorch.Cli -c Release -- train --dataset all --out "$out" > "$out.log"
mkdir -p docs/images
for name in simple diag split xor circle spiral; do
  cp "$out/$name/boundary.png" "docs/images/$name-boundary.png"
  echo "== $name"
  awk -F, 'NR > 1 && $1 % 10 == 0 { print "Epoch " $1 " loss " $2 " correct " $3 }' "$out/$name/log.csv" | tail -n 3
done
cat "$out/summary.md"
