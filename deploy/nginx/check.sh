#!/usr/bin/env bash
# Proves that `nginx -t` accepts deploy/nginx as shipped, with and without the
# TLS template enabled. Only ever runs `nginx -t` / `nginx -T`: it never starts
# a server (nginx -t test-binds each listen address, without listen(), and
# releases it when it exits; a port already in use is not an error).
#
# Needs: nginx and openssl (Debian: apt-get install -y nginx openssl).
#
# The config is written for the docker compose network, so it is tested on a
# COPY in a temp dir in which only environment-specific strings are replaced,
# with sed; the directives and their semantics stay the same:
#   * upstream host names api-1 / api-2 -> 127.0.0.1 (`nginx -t` resolves
#     upstream names, and they exist only on the compose network);
#   * `user nginx;` is commented out (that user exists only in the official
#     nginx image; as root nginx -t would fail on an unknown user);
#   * log files /dev/stdout, /dev/stderr and the pid file -> files in the
#     temp dir (stdout may be a socket in CI, which nginx cannot open);
#   * for the TLS check: /etc/nginx/certs/ -> a temp dir holding a freshly
#     generated self-signed certificate;
#   * only when not run as root: ports 80/443 -> 10080/10443 (`nginx -t`
#     test-binds each listen address -- bind() only, never listen() -- and
#     unprivileged users cannot bind ports below 1024).
# /etc/nginx/mime.types is used as is (Debian's nginx ships it too).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

command -v nginx >/dev/null 2>&1 || fail "nginx is not installed (apt-get install -y nginx)"
command -v openssl >/dev/null 2>&1 || fail "openssl is not installed (apt-get install -y openssl)"
[ -f /etc/nginx/mime.types ] || fail "/etc/nginx/mime.types is missing (install Debian's nginx)"
for f in nginx.conf upcoach-locations.conf tls.conf.template; do
	[ -f "$here/$f" ] || fail "missing deploy/nginx/$f"
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "nginx: $(nginx -v 2>&1)"

# unprivileged_ports FILE: as non-root, move listen ports 80/443 above 1024.
unprivileged_ports() {
	if [ "$(id -u)" -ne 0 ]; then
		sed -i -E -e 's/(listen[[:space:]]+)80([[:space:];])/\110080\2/' \
			-e 's/(listen[[:space:]]+)443([[:space:];])/\110443\2/' "$1"
	fi
}

# prepare DIR: copy the shipped files into DIR and apply the substitutions
# listed above.
prepare() {
	local dir="$1"
	mkdir -p "$dir/logs" "$dir/certs"
	cp "$here/nginx.conf" "$here/upcoach-locations.conf" "$here/tls.conf.template" "$dir/"
	sed -i -E \
		-e 's/^([[:space:]]*server[[:space:]]+)api-[0-9]+:8080/\1127.0.0.1:8080/' \
		-e 's/^([[:space:]]*)user[[:space:]]+nginx;/\1# user nginx;  (check.sh)/' \
		-e "s#/dev/stdout#$dir/logs/access.log#" \
		-e "s#/dev/stderr#$dir/logs/error.log#" \
		-e "s#^pid .*#pid $dir/logs/nginx.pid;#" \
		"$dir/nginx.conf"
	unprivileged_ports "$dir/nginx.conf"
	if grep -nE 'server[[:space:]]+api-[0-9]+' "$dir/nginx.conf"; then
		fail "an upstream host name was not replaced"
	fi
	[ "$(grep -c 'server 127.0.0.1:8080' "$dir/nginx.conf")" -eq 4 ] ||
		fail "expected 4 upstream servers (api-1/api-2 in two upstreams)"
}

# nginx_test DIR LABEL: run `nginx -t` on DIR/nginx.conf.
nginx_test() {
	local dir="$1" label="$2" out
	if out="$(nginx -t -p "$dir/" -e "$dir/logs/error.log" -c "$dir/nginx.conf" 2>&1)"; then
		echo "$out" | sed 's/^/    /'
		echo "ok: $label"
	else
		echo "$out" | sed 's/^/    /' >&2
		fail "$label"
	fi
}

# expect DIR PATTERN WHAT: the fully parsed config (nginx -T) contains PATTERN.
expect() {
	local dir="$1" pattern="$2" what="$3" dump
	dump="$(nginx -T -p "$dir/" -e "$dir/logs/error.log" -c "$dir/nginx.conf" 2>/dev/null)" ||
		fail "nginx -T failed on $dir/nginx.conf"
	grep -Eq -- "$pattern" <<<"$dump" || fail "parsed config lacks $what ($pattern)"
	echo "ok:   has $what"
}

echo
echo "== 1. nginx.conf as shipped (port 80) =="
plain="$tmp/plain"
prepare "$plain"
nginx_test "$plain" "nginx -t accepts nginx.conf + upcoach-locations.conf"
expect "$plain" 'hash \$remote_addr consistent;' "sticky hashing for Socket.IO"
expect "$plain" 'location \^~ /socket.io/' "the /socket.io/ location"
expect "$plain" 'location /api/v1/sse/' "the SSE location"
expect "$plain" 'limit_req zone=upcoach_auth' "the auth rate limit"
expect "$plain" 'location \^~ /actuator/health/' "the public health location"
expect "$plain" 'client_max_body_size 25m;' "the 25m body limit"

echo
echo "== 2. with the TLS template enabled (port 443) =="
tls="$tmp/tls"
prepare "$tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=upcoach.example.com" \
	-keyout "$tls/certs/privkey.pem" -out "$tls/certs/fullchain.pem" >/dev/null 2>&1 ||
	fail "openssl could not create a self-signed certificate"
echo "ok: generated a self-signed certificate"
sed "s#/etc/nginx/certs/#$tls/certs/#g" "$tls/tls.conf.template" >"$tls/tls.conf"
unprivileged_ports "$tls/tls.conf"
# Enable the TLS server exactly as the instructions say: uncomment the include.
sed -i -E 's/^([[:space:]]*)#[[:space:]]*include tls\.conf;/\1include tls.conf;/' "$tls/nginx.conf"
grep -qE '^[[:space:]]*include tls\.conf;' "$tls/nginx.conf" ||
	fail "nginx.conf has no '#include tls.conf;' line to enable"
nginx_test "$tls" "nginx -t accepts nginx.conf with tls.conf included"
expect "$tls" 'listen (10)?443 ssl' "a listener on 443"
expect "$tls" 'ssl_protocols TLSv1.2 TLSv1.3;' "TLS 1.2/1.3 only"
expect "$tls" 'return 301 https://' "the http -> https redirect"

echo
echo "== 3. the check can fail (a broken copy must be rejected) =="
broken="$tmp/broken"
prepare "$broken"
echo 'location /broken { proxy_pass http://no_such_upstream_block }' >>"$broken/upcoach-locations.conf"
if nginx -t -p "$broken/" -e "$broken/logs/error.log" -c "$broken/nginx.conf" >/dev/null 2>&1; then
	fail "nginx -t accepted a deliberately broken config: the check proves nothing"
fi
echo "ok: nginx -t rejects a deliberately broken copy"

echo
echo "nginx-config: 3 passed, 0 failed"
