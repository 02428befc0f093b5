#!/usr/bin/env bash
# Lighthouse scores of the member app's screens on a mobile profile, signed in as the demo member.
# Usage: docs/benchmarks/lighthouse.sh http://localhost:18080 [out-dir]
# Needs: Lighthouse 11 (the last with the PWA category) from npm, Debian's Chromium, curl and jq.
set -euo pipefail
base=${1:-http://localhost:18080}
out=${2:-target/lighthouse}
lighthouse=${LIGHTHOUSE:-npx --yes lighthouse@11.7.1}
mkdir -p "$out"
jar=$(mktemp)

# Sign in through the sign-in page like a browser: its CSRF token, then the session cookie.
csrf=$(curl -s -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=member@demo.upcoach.local" \
  --data-urlencode "password=upcoach-demo-2026" --data-urlencode "_csrf=$csrf" "$base/login"
session=$(awk '$6 == "UPCOACH_SESSION" { print $7 }' "$jar")
habit=$(curl -s -b "UPCOACH_SESSION=$session" "$base/app/habits" | grep -o 'href="/app/habits/[0-9a-f-]\{36\}"' | head -1 \
  | sed 's/href="//; s/"$//')
echo "{\"Cookie\": \"UPCOACH_SESSION=$session\"}" > "$out/headers.json"

printf '| screen | performance | accessibility | best practices | SEO | PWA |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
for screen in "Today:/app/" "Habits:/app/habits" "Habit detail:$habit"; do
  name=${screen%%:*}
  path=${screen#*:}
  file="$out/$(echo "$name" | tr 'A-Z ' 'a-z-').json"
  CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} $lighthouse "$base$path" --quiet --output=json --output-path="$file" \
    --extra-headers="$out/headers.json" --chrome-flags="--headless=new --no-sandbox" \
    --only-categories=performance,accessibility,best-practices,seo,pwa > /dev/null
  jq -r --arg name "$name" '"| \($name) | " + ([.categories.performance, .categories.accessibility,
      .categories["best-practices"], .categories.seo, .categories.pwa] | map((.score * 100 | round | tostring))
      | join(" | ")) + " |"' "$file"
done
rm -f "$jar"
