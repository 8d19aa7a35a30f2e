#!/usr/bin/env bash
# CPU profile of the web host under the /api/messages load: builds the host and the harness in Release, starts the host
# over a copy of the seeds (perf map on), loads it with `Assistant.Bench load` (16 connections, distinct questions),
# samples the host with `perf record -g` from second 14 to 26 of the load and prints each request stage's share of the
# host's samples (bench/profile-stages.py), with the host's and the load generator's CPU time per request.
# Usage: bash bench/profile.sh [PORT]   (needs Linux perf; the raw samples stay in bench/.corpus/profile/)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-5899}"
out="$repo/bench/.corpus/profile"
rm -rf "$out"; mkdir -p "$out/seeds"
cp "$repo"/seeds/*.txt "$out/seeds/"
dotnet build -c Release -v q -nologo "$repo/src/Assistant.Web/Assistant.Web.csproj" >/dev/null
dotnet build -c Release -v q -nologo "$repo/bench/Assistant.Bench/Assistant.Bench.csproj" >/dev/null

web="$repo/src/Assistant.Web/bin/Release/net10.0"
(cd "$web" && Corpus__Path="$out/seeds" Index__Path="$out/index" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 exec dotnet Assistant.Web.dll --urls "http://127.0.0.1:$port" >"$out/host.log" 2>&1) &
host=$!
trap 'kill $host 2>/dev/null || true' EXIT
for _ in $(seq 120); do [ "$(curl -s "http://127.0.0.1:$port/healthz")" = Healthy ] && break; sleep 1; done

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system time, in clock ticks
cd "$repo"
dotnet bench/Assistant.Bench/bin/Release/net10.0/Assistant.Bench.dll load "http://127.0.0.1:$port/" 27 >"$out/load.json" &
load=$!
sleep 14
h0=$(cpu $host); l0=$(cpu $load)
perf record -F 499 -g -p "$host" -o "$out/perf.data" -- sleep 12 2>/dev/null
h1=$(cpu $host); l1=$(cpu $load)
wait $load
perf script -i "$out/perf.data" -F comm,tid,ip,sym 2>/dev/null >"$out/perf.txt"
python3 - "$out/load.json" "$h0" "$h1" "$l0" "$l1" "$(getconf CLK_TCK)" <<'PY'
import json, sys
figures = json.load(open(sys.argv[1])); rps = figures["RequestsPerSecond"]
h0, h1, l0, l1, tck = (float(v) for v in sys.argv[2:7])
# The CPU window (12 s of perf) sits inside the measured 27 s, whose mean rate stands for it.
requests = rps * 12
print(f"load: {rps:,.0f} req/s, {figures['Errors']} errors; CPU per request over the profile: "
      f"host {(h1 - h0) / tck * 1000 / requests:.3f} ms, load generator {(l1 - l0) / tck * 1000 / requests:.3f} ms")
PY
python3 "$repo/bench/profile-stages.py" "$out/perf.txt"
