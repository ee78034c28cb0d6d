#!/usr/bin/env bash
# The GPU check, for a machine with an NVIDIA GPU, its driver, the CUDA 13 runtime libraries and cuDNN 9
# (docs/inference.md says why 13), the .NET 10 SDK and access to the NuGet registry (to restore
# Microsoft.ML.OnnxRuntime.Gpu 1.31.0). It builds the GPU flavor of the CLI into artifacts/gpu-cli, then for
# 100,000 and 1,000,000 items × 64 factors scores one batch of 64 users on CUDA and on the CPU with the same
# scorer (the whole-catalog graph and the tiled one), checks both return the same top-10 (near-ties within 1e-3
# may swap), and prints batches of 64 per second on each. Exit 0: every check agreed; 1: a top-k differed;
# 2: no GPU or no CUDA (the line says what is missing).
# Usage: tests/Gpu/run.sh [SECONDS per measurement (default 5)]
set -euo pipefail
seconds=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/artifacts/gpu-cli"
if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "gpu: nvidia-smi not found: this script needs an NVIDIA GPU and its driver" >&2
  exit 2
fi
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); $(date -u +%F)"
dotnet build "$root/src/Cli/Cli.csproj" -c Release -p:OnnxRuntimeFlavor=Gpu -o "$out" -v quiet -nologo
status=0
for items in 100000 1000000; do
  dotnet "$out/aiaas.dll" bench gpu --items "$items" --factors 64 --seconds "$seconds" || status=$?
  [ "$status" -eq 2 ] && exit 2
done
exit "$status"
