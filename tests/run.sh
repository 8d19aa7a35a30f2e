#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test of the solution.
# Ends with one "N passed, N failed, N skipped" line for the whole run, after a "skipped N: reason" line per reason a
# test did not run; exits non-zero if any test failed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Whatever the run started or wrote in the temp folder goes when it ends: Redis, its folder, the test results.
cleanup() {
  if [ -n "${redis_dir:-}" ]; then
    redis_pid="$(cat "$redis_dir/redis.pid" 2>/dev/null || true)"
    if [ -n "$redis_pid" ]; then
      kill "$redis_pid" 2>/dev/null || true
      # Redis writes its log as it shuts down: its folder goes once it has exited.
      for _ in $(seq 50); do kill -0 "$redis_pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$redis_dir"
  fi
  if [ -n "${results:-}" ]; then rm -rf "$results"; fi
}
trap cleanup EXIT

# Browser tests drive Debian's Chromium through Playwright (never a browser download).
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi

# Microsoft's JavaScript Bot Framework SDK plays the channel in the conformance tests.
if [ -f tests/js/package-lock.json ]; then
  echo "== npm ci (tests/js)"
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi

# A real Redis (Debian's redis-server) for the shared-state and scale-out tests: on a free loopback port, nothing saved
# to disk, stopped when the run ends. Its address reaches the tests as ASSISTANT_TEST_REDIS; where it cannot be
# installed or started, those tests are skipped and say why.
if ! command -v redis-server >/dev/null; then
  echo "== installing Debian's redis-server"
  if [ "$(id -u)" -eq 0 ]; then (apt-get update -qq && apt-get install -y -qq redis-server >/dev/null) || true; else (sudo apt-get update -qq && sudo apt-get install -y -qq redis-server >/dev/null) || true; fi
fi
if command -v redis-server >/dev/null; then
  redis_dir="$(mktemp -d)"
  redis_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  if redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$redis_dir" \
       --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" >/dev/null; then
    for _ in $(seq 50); do
      redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
    export ASSISTANT_TEST_REDIS="127.0.0.1:$redis_port"
    echo "== redis-server on $ASSISTANT_TEST_REDIS"
  else
    echo "== redis-server did not start: the tests that need Redis are skipped"
  fi
else
  echo "== redis-server is not installed: the tests that need Redis are skipped"
fi

results="$(mktemp -d)"
echo "== dotnet test"
status=0
dotnet test Assistant.sln --logger "trx" --results-directory "$results" "$@" || status=$?

python3 - "$results" <<'PY'
import collections, glob, html, re, sys
passed = failed = skipped = 0
reasons = collections.Counter()
for path in glob.glob(sys.argv[1] + "/*.trx"):
    trx = open(path, encoding="utf-8").read()
    # Why each skipped test did not run (QDRANT_URL not set, Redis missing …), once per reason.
    for result in re.findall(r'<UnitTestResult [^>]*outcome="NotExecuted".*?(?:</UnitTestResult>|/>)', trx, re.S):
        message = re.search(r"<Message>(.*?)</Message>", result, re.S)
        reasons[html.unescape(message.group(1)).strip() if message else "(no reason given)"] += 1
    counters = re.search(r"<Counters ([^>]*)/>", trx)
    if not counters:
        continue
    values = dict(re.findall(r'(\w+)="(\d+)"', counters.group(1)))
    passed += int(values.get("passed", 0))
    failed += int(values.get("failed", 0)) + int(values.get("error", 0)) + int(values.get("timeout", 0)) + int(values.get("aborted", 0))
    skipped += int(values.get("total", 0)) - int(values.get("executed", 0))
for reason, count in reasons.most_common():
    print(f"skipped {count}: {reason}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
