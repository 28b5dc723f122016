#!/usr/bin/env bash
# Regenerates the README's "Training results": trains the six datasets with MiniTorch's recommended settings
# (50 points, rate 0.5, 500 epochs, hidden 2 for simple and 10 for the others, seed 1), copies the six boundaries side
# by side (the run's boundaries.png) to docs/images/boundaries.png and prints the run's summary table (final loss and
# correct count per dataset, the figures of the README's table).
set -euo pipefail
cd "$(dirname "$0")/.."

out=runs/readme
rm -rf "$out"
mkdir -p runs
dotnet run --project src/MiniTorch.Cli -c Release -- train --dataset all --out "$out" > "$out.log"
if [[ ! -f $out/boundaries.png ]]; then
  echo "no $out/boundaries.png: this version of 'train --dataset all' does not draw the six boundaries together" >&2
  exit 1
fi
mkdir -p docs/images
cp "$out/boundaries.png" docs/images/boundaries.png
echo "wrote docs/images/boundaries.png"
cat "$out/summary.md"
