#!/usr/bin/env bash
# Trains the six datasets with MiniTorch's recommended settings for seeds 1 to 5 (or the seeds given as arguments)
# and prints each dataset's final correct count per seed and the median, to compare with MiniTorch's results.
set -euo pipefail
cd "$(dirname "$0")/.."

seeds=("${@:-1 2 3 4 5}")
read -r -a seeds <<< "${seeds[*]}"
dotnet build src/MiniTorch.Cli -c Release -v quiet -nologo > /dev/null
for seed in "${seeds[@]}"; do
  dotnet run --no-build --project src/MiniTorch.Cli -c Release -- train --dataset all --seed "$seed" --out "runs/sweep/seed-$seed" > /dev/null
done
echo "| dataset | final correct, seeds ${seeds[*]} | median |"
echo "|---|---|---|"
for name in Simple Diag Split Xor Circle Spiral; do
  values=$(for seed in "${seeds[@]}"; do
    grep "^| $name |" "runs/sweep/seed-$seed/summary.md" | awk -F'|' '{ split($9, c, "/"); gsub(/ /, "", c[1]); print c[1] }'
  done)
  median=$(echo "$values" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "| $name | $(echo "$values" | paste -sd, | sed 's/,/, /g') | $median |"
done
