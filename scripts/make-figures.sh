#!/usr/bin/env bash
# Regenerates every figure of the README and of the docs (docs/, docs/guides/) into docs/images/, each with the
# command that its page shows beside it, and prints the seed-1 summary behind the README's "Training results" table.
# Needs the .NET 10 SDK and Graphviz's dot (apt-get install graphviz). Takes a few minutes; the training runs stay in
# runs/figures/ for a closer look.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null 2>&1; then
  echo "Graphviz's dot is not on PATH; apt-get install graphviz" >&2
  exit 1
fi

dotnet build src/MiniTorch.Cli -c Release -nologo -v quiet
# The commands below are written as the guides show them, with the installed tool's name.
minitorch() { dotnet src/MiniTorch.Cli/bin/Release/net10.0/MiniTorch.Cli.dll "$@"; }

images=docs/images
runs=runs/figures
rm -rf "$runs"
mkdir -p "$runs" "$images"

echo "== Module 0 guides: operators, higher-order functions, modules"
minitorch plot "x.sigmoid()" --from -8 --to 8 --out "$images/plot-sigmoid.svg"
dotnet run scripts/log-figures.cs -- sigmoid-gap "$images/sigmoid-gap.svg"
minitorch graph "0 + x + y + z" --at x=1 --at y=2 --at z=3 --lr --out "$images/graph-fold.svg"
dotnet run scripts/module-tree.cs | dot -Tsvg -o "$images/module-tree.svg"
echo "wrote $images/module-tree.svg"

echo "== Guide 1: derivatives and the central difference"
dotnet run scripts/log-figures.cs -- central-difference "$images/central-difference-error.svg"
minitorch plot "x * x * x - 2 * x" --out "$images/plot-derivative.svg"

echo "== Guides 2, 4 and 5 and docs/commands.md: computation graphs"
minitorch graph "x * y + x" --at x=2 --at y=3 --lr --out "$images/graph-small.svg"
minitorch graph --lr --out "$images/graph-example.svg"
minitorch graph --lr --out "$images/graph-example.png"
minitorch graph "(x * y).exp().log() + x" --at x=1 --at y=2 --out "$images/graph-order.svg"

echo "== Guide 6: film strips of the boundary while training, and the loss"
for dataset in xor circle spiral; do
  minitorch train --dataset "$dataset" --snapshots 0,10,50,200,500 --out "$runs/$dataset" >"$runs/$dataset.log"
  cp "$runs/$dataset/snapshots.png" "$images/snapshots-$dataset.png"
  echo "wrote $images/snapshots-$dataset.png"
done
for dataset in xor spiral; do
  cp "$runs/$dataset/loss.svg" "$images/loss-$dataset.svg"
  echo "wrote $images/loss-$dataset.svg"
done

echo "== README, Training results: the six datasets with MiniTorch's recommended settings, seed 1"
minitorch train --dataset all --out "$runs/all" >"$runs/all.log"
cp "$runs/all/boundaries.png" "$images/boundaries.png"
echo "wrote $images/boundaries.png"
cat "$runs/all/summary.md"
