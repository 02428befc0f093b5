#!/usr/bin/env bash
# Checks the Prometheus files with promtool (Debian: apt-get install -y prometheus;
# the package ships promtool):
#   1. alerts.yml is a valid rule file,
#   2. prometheus.yml is a valid config (and loads alerts.yml),
#   3. the unit tests in alerts.test.yml pass: every alert fires on synthetic
#      series above its threshold and stays silent below it.
# Never starts Prometheus.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v promtool >/dev/null 2>&1; then
	echo "FAIL: promtool is not installed (apt-get install -y prometheus)" >&2
	exit 1
fi
echo "promtool: $(promtool --version 2>&1 | head -n 1)"

passed=0
run() {
	local what="$1"
	shift
	echo
	echo "== $what: $*"
	if "$@"; then
		passed=$((passed + 1))
		echo "ok: $what"
	else
		echo "FAIL: $what" >&2
		exit 1
	fi
}

run "alert rules are valid" promtool check rules alerts.yml
run "prometheus.yml is valid" promtool check config prometheus.yml
run "alert unit tests pass" promtool test rules alerts.test.yml

echo
echo "prometheus-config: $passed passed, 0 failed"
