#!/usr/bin/env bash
# Runs every check CI runs: installs what is missing (chromium, postgresql), checks formatting, builds with
# warnings as errors, runs all test projects, and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt-get install ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "apt-get install ${need[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$(pwd)/TestResults"
rm -rf "$results"; mkdir -p "$results"

echo "== dotnet tool restore"
dotnet tool restore >/dev/null || { echo "0 passed, 1 failed"; exit 1; }

# >>> Spectral CLI for the NL API Design Rules test (tests/Weerbaar.Web.Tests/OpenApi/ApiDesignRulesTests.cs) >>>
# Pinned, in a cache outside the repo; skipped when that version is already there. The test finds it at this default
# path, or wherever WEERBAAR_SPECTRAL points (then nothing is installed here).
SPECTRAL_VERSION=6.16.3
spectral_prefix="$HOME/.cache/weerbaar/spectral"
if [ -z "${WEERBAAR_SPECTRAL:-}" ] \
  && [ "$("$spectral_prefix/node_modules/.bin/spectral" --version 2>/dev/null)" != "$SPECTRAL_VERSION" ]; then
  echo "== npm install @stoplight/spectral-cli@$SPECTRAL_VERSION"
  if ! npm_log=$(npm install --prefix "$spectral_prefix" --ignore-scripts --no-audit --no-fund --loglevel=error \
      "@stoplight/spectral-cli@$SPECTRAL_VERSION" 2>&1); then
    echo "$npm_log"
    echo "npm install @stoplight/spectral-cli@$SPECTRAL_VERSION into $spectral_prefix failed: the OpenAPI lint test needs it"
    echo "0 passed, 1 failed"; exit 1
  fi
  if [ "$("$spectral_prefix/node_modules/.bin/spectral" --version 2>/dev/null)" != "$SPECTRAL_VERSION" ]; then
    echo "spectral $SPECTRAL_VERSION is not runnable from $spectral_prefix after npm install"; echo "0 passed, 1 failed"; exit 1
  fi
fi
# <<< Spectral CLI <<<

echo "== dotnet format --verify-no-changes"
if ! dotnet format Weerbaar.slnx --verify-no-changes -v quiet; then
  echo "formatting differs: run 'dotnet format Weerbaar.slnx'"; echo "0 passed, 1 failed"; exit 1
fi

echo "== dotnet build (warnings as errors)"
if ! dotnet build Weerbaar.slnx -c Release -warnaserror -nologo -v quiet; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

status=0
# Weerbaar.LogAudit last: it reads the log files the Web.Tests and E2E hosts wrote to TestResults/logs/.
for project in tests/Weerbaar.Analysis.Tests tests/Weerbaar.Web.Tests tests/Weerbaar.E2E tests/Weerbaar.LogAudit; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false \
    || status=1
done

read -r passed failed < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
print(passed, failed)
PY
)
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
[ "$status" -eq 0 ] && [ "${failed:-0}" -eq 0 ]
