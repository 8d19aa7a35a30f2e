#!/usr/bin/env bash
# Snapshot of every answer on every gold file, for checking that a performance change leaves answers unchanged:
# `bash bench/eval-snapshot.sh DIR` writes DIR/<gold file>.json (`assistant eval --json`, the run's timings removed);
# `diff -r BEFORE AFTER` then compares two builds (answers, short answers, citations, abstentions, ranks).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"
mkdir -p "$out"
dotnet build -c Release -v q -nologo "$repo/src/Assistant.Cli/Assistant.Cli.csproj" >/dev/null
cd "$repo"
total=0
for gold in tests/Assistant.Tests/gold/*.jsonl; do
  name="$(basename "$gold" .jsonl)"
  dotnet src/Assistant.Cli/bin/Release/net10.0/assistant.dll eval --json --gold "$gold" > "$out/$name.raw" 2>/dev/null || true
  python3 - "$out/$name.raw" "$out/$name.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("startedAt", "summary"):
    d.pop(k, None)
def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if k != "latencyMs"}
    if isinstance(o, list):
        return [strip(v) for v in o]
    return o
d = strip(d)
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False, indent=1, sort_keys=True)
print(len(d.get("questions", [])))
PY
  rm "$out/$name.raw"
done | awk '{s+=$1} END {print s " questions"}'
