#!/usr/bin/env bash
# Lints the OpenAPI document the test suite exported (OpenApiIT writes target/openapi.json)
# with Redocly CLI, a standard OpenAPI 3.1 linter, installed from npm into .ci/tools.
set -euo pipefail
document="${1:-target/openapi.json}"
tools="$(dirname "$0")/tools"
version="2.77.0"
if [ ! -x "$tools/node_modules/.bin/redocly" ]; then
	mkdir -p "$tools"
	npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >/dev/null
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
"$tools/node_modules/.bin/redocly" lint --extends=recommended --config="$(dirname "$0")/redocly.yaml" "$document"
