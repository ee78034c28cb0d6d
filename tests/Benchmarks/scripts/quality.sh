#!/usr/bin/env bash
# Every accuracy and beyond-accuracy figure of docs/benchmarks.md's quality tables, in one sitting: `aiaas evaluate`
# on MovieLens 100K for each model and protocol (single split and five folds), the cold-items protocol, training
# seeds 1–3 of the rating models, and the sweeps the defaults were chosen from (EASE λ, SVD++'s implicit factors, the
# ALS neighbourhood of the default, all on five folds). Each run prints its arguments after "## " and evaluate's JSON.
# Usage (from the repository root, after `dotnet build src/Cli -c Release`): tests/Benchmarks/scripts/quality.sh [DATA]
set -euo pipefail
data=${1:-../shared/data/ml-100k}
cli=src/Cli/bin/Release/net10.0/aiaas
earlier="--confidence Linear --alpha 1 --regularization 40 --regularization-exponent 0"   # the ALS default until 2026-12-02
run() { echo "## $*"; "$cli" evaluate --data "$data" "$@" --json | tail -1; }
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(free -g | awk '/Mem:/{print $2}') GB; $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
for folds in 1 5; do
  run --folds "$folds"
  run --folds "$folds" --diversity 0.4
  run --folds "$folds" $earlier
  run --folds "$folds" $earlier --diversity 0.5
  for model in ease mf pop; do run --folds "$folds" --model "$model"; done
  for model in mf svdpp; do run --folds "$folds" --model "$model" --protocol rating; done
done
run --protocol last
run --protocol last --diversity 0.4
run --protocol last $earlier
run --protocol last $earlier --diversity 0.5
for model in ease mf pop; do run --protocol last --model "$model"; done
run --protocol cold-items
run --protocol cold-items $earlier
for model in pop random; do run --protocol cold-items --model "$model"; done
for seed in 1 2 3; do for model in svdpp mf; do run --model "$model" --protocol rating --seed "$seed"; done; done
for lambda in 100 300 500 1000; do run --model ease --regularization "$lambda" --folds 5; done
# SVD++: the implicit factors' step and penalty, then the factor schedule, from the biased MF's defaults up.
for rate in 0.003 0.006 0.009; do for penalty in 0.09 0.5 1; do
  run --model svdpp --protocol rating --folds 5 --bias-learning-rate 0.015 --learning-rate-decay 0.95 --implicit-learning-rate "$rate" --implicit-regularization "$penalty"
done; done
for decay in 0.9 0.92 0.95; do for bias in 0.007 0.01 0.015; do
  run --model svdpp --protocol rating --folds 5 --learning-rate-decay "$decay" --bias-learning-rate "$bias"
done; done
for rate in 0.003 0.006 0.009; do for penalty in 0.5 1; do   # the implicit factors again, at the chosen schedule
  run --model svdpp --protocol rating --folds 5 --implicit-learning-rate "$rate" --implicit-regularization "$penalty"
done; done
for alpha in 1.5 2 3; do for lambda in 2 3 5; do for exponent in 0.4 0.5 0.6; do
  run --folds 5 --alpha "$alpha" --regularization "$lambda" --regularization-exponent "$exponent"
done; done; done
echo "done; load $(cut -d' ' -f1-3 /proc/loadavg)"
