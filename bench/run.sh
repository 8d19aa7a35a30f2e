#!/usr/bin/env bash
# The benchmark, from a clean clone: installs the larger corpus (npm package quran-json, into the git-ignored
# bench/node_modules), builds the web host and the harness in Release, and prints the figures as Markdown
# (also saved to bench/.corpus/last-run.md). Options are passed on, e.g. `bash bench/run.sh --seconds 20`;
# `--scale-only [--factor N]` runs only the ×1 / ×20 step of the larger corpus (indexing, cold `ask`, warm answers).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
(cd bench && npm ci --no-audit --no-fund --loglevel=error)
dotnet build -c Release -v q -nologo src/Assistant.Web/Assistant.Web.csproj
dotnet build -c Release -v q -nologo src/Assistant.Cli/Assistant.Cli.csproj
dotnet build -c Release -v q -nologo bench/Assistant.Bench/Assistant.Bench.csproj
mkdir -p bench/.corpus
dotnet bench/Assistant.Bench/bin/Release/net10.0/Assistant.Bench.dll all --repo "$repo" "$@" | tee bench/.corpus/last-run.md
