#!/usr/bin/env bash
# The diversity trade-off curve of docs/benchmarks.md: ALS on ml-100k's ranking protocol, MMR λ from 0 to 1.
# Usage (from the repository root, after `dotnet build src/Cli -c Release`): docs/plots/diversity-curve.sh ../shared/data/ml-100k [--folds 5]
set -euo pipefail
data=${1:?usage: diversity-curve.sh DATA [evaluate options]}; shift
lines=$(mktemp)
for lambda in 0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1; do
  src/Cli/bin/Release/net10.0/aiaas evaluate --data "$data" --diversity "$lambda" --json "$@" | tail -1 >> "$lines"
done
dotnet run -c Release --project docs/plots/DiversityCurve -- "$lines" docs/diversity-curve.png
rm -f "$lines"
