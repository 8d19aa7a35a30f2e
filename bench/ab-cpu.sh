#!/usr/bin/env bash
# A/B of the web host's CPU time per /api/messages request between builds, on the same machine load: each round starts
# each build's host over a fresh copy of the seeds, loads it with `Assistant.Bench load` (16 connections, distinct
# questions, 24 s) and reads the host's and the load generator's CPU time, and the host's context switches (all its
# threads, voluntary and preempted), from /proc from second 12 to 22; builds alternate
# within a round, so each pair shares the machine's load of the moment. CPU per request moves far less with the other
# processes on the machine than requests per second do.
# Usage: bash bench/ab-cpu.sh ROUNDS NAME=DIR [NAME=DIR ...]   (DIR holds a Release build's Assistant.Web.dll; the
# load generator is this repository's Release build of bench/Assistant.Bench; host logs stay in bench/.corpus/ab/)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rounds="$1"; shift
bench="$repo/bench/Assistant.Bench/bin/Release/net10.0/Assistant.Bench.dll"
[ -f "$bench" ] || dotnet build -c Release -v q -nologo "$repo/bench/Assistant.Bench/Assistant.Bench.csproj" >/dev/null
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system time, in clock ticks
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt/ {v += $2} /^nonvoluntary_ctxt/ {n += $2} END {print v, n}'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cd "$repo"   # the load generator reads its questions from ./seeds
for round in $(seq "$rounds"); do
  for build in "$@"; do
    name="${build%%=*}"; web="${build#*=}"
    out="$repo/bench/.corpus/ab/$name-$round"
    rm -rf "$out"; mkdir -p "$out/seeds"; cp "$repo"/seeds/*.txt "$out/seeds/"
    port="$(free_port)"
    (cd "$web" && Corpus__Path="$out/seeds" Index__Path="$out/index" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
      exec dotnet Assistant.Web.dll --urls "http://127.0.0.1:$port" >"$out/host.log" 2>&1) &
    host=$!
    for _ in $(seq 120); do [ "$(curl -s "http://127.0.0.1:$port/healthz")" = Healthy ] && break; sleep 1; done
    kill -0 "$host" 2>/dev/null || { echo "$name: the host stopped at start (see $out/host.log)" >&2; exit 1; }
    dotnet "$bench" load "http://127.0.0.1:$port/" 24 >"$out/load.json" &
    load=$!
    sleep 12
    h0=$(cpu "$host"); l0=$(cpu "$load"); read -r v0 n0 < <(switches "$host")
    sleep 10
    h1=$(cpu "$host"); l1=$(cpu "$load"); read -r v1 n1 < <(switches "$host")
    wait "$load"
    kill "$host"; wait "$host" 2>/dev/null || true
    python3 - "$out/load.json" "$h0" "$h1" "$l0" "$l1" "$(getconf CLK_TCK)" "$name" "$round" "$(cut -d' ' -f1 /proc/loadavg)" \
      "$((v1 - v0))" "$((n1 - n0))" <<'PY'
import json, sys
figures = json.load(open(sys.argv[1])); rps = figures["RequestsPerSecond"]
h0, h1, l0, l1, tck = (float(v) for v in sys.argv[2:7])
# The 10 s CPU window sits inside the measured load, whose mean rate stands for it.
requests = rps * 10
print(f"round {sys.argv[8]} {sys.argv[7]}: {rps:,.0f} req/s, {figures['Errors']} errors; CPU per request: host "
      f"{(h1 - h0) / tck * 1000 / requests:.3f} ms, load generator {(l1 - l0) / tck * 1000 / requests:.3f} ms; "
      f"host context switches per request {int(sys.argv[10]) / requests:.2f} waiting, {int(sys.argv[11]) / requests:.2f} preempted; "
      f"load average {sys.argv[9]}", flush=True)
PY
  done
done
