#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test of the solution.
# Ends with one "N passed, N failed, N skipped" line for the whole run; exits non-zero if any test failed.
set -euo pipefail
cd "$(dirname "$0")/.."

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

results="$(mktemp -d)"
echo "== dotnet test"
status=0
dotnet test Assistant.sln --logger "trx" --results-directory "$results" "$@" || status=$?

python3 - "$results" <<'PY'
import glob, re, sys
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = re.search(r"<Counters ([^>]*)/>", open(path, encoding="utf-8").read())
    if not counters:
        continue
    values = dict(re.findall(r'(\w+)="(\d+)"', counters.group(1)))
    passed += int(values.get("passed", 0))
    failed += int(values.get("failed", 0)) + int(values.get("error", 0)) + int(values.get("timeout", 0)) + int(values.get("aborted", 0))
    skipped += int(values.get("total", 0)) - int(values.get("executed", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
