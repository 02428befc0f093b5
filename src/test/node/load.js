// Load generator for docs/benchmarks/realtime.md, driven by RealtimeLoad.java (one or more processes).
// argv[2]: JSON {url, tokens: [...], clients, probeToken (optional), concurrency}
// Opens `clients` WebSocket clients with the tokens round robin, plus one probe client, then prints
// {"type":"connected",ok,failed,millis}. Every "bench:ping" event {sentAt: epoch ms} received is timed.
// The probe client also prints {"type":"event",event,change,at: epoch ms} for each event named in `watch`
// (the REST-write benchmark: the harness knows when it wrote, the client when the event arrived).
// stdin commands, one JSON per line: {"op":"report"} prints {"type":"report",count,p50,p95,p99,max} and resets;
// {"op":"close"} disconnects everything and exits.
'use strict';
const { io } = require('socket.io-client');
const readline = require('readline');

const config = JSON.parse(process.argv[2]);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const now = () => performance.timeOrigin + performance.now();
const sockets = [];
let latencies = [];

function open(token, watch = []) {
	return new Promise((resolve) => {
		const socket = io(config.url, { transports: ['websocket'], auth: { token }, reconnection: false, timeout: 60000 });
		socket.on('bench:ping', (payload) => latencies.push(now() - payload.sentAt));
		watch.forEach((event) => socket.on(event, (payload) => print({ type: 'event', event, change: payload.change, at: now() })));
		socket.once('connect', () => resolve(true));
		socket.once('connect_error', () => resolve(false));
		socket.once('auth:error', () => resolve(false));
		sockets.push(socket);
	});
}

async function main() {
	const started = now();
	let ok = 0;
	let next = 0;
	const worker = async () => {
		while (next < config.clients) {
			const index = next++;
			if (await open(config.tokens[index % config.tokens.length])) {
				ok++;
			}
		}
	};
	await Promise.all(Array.from({ length: config.concurrency || 50 }, worker));
	if (config.probeToken) {
		await open(config.probeToken, config.watch);
	}
	// Give the server a moment to finish joining rooms after the last connect.
	await new Promise((resolve) => setTimeout(resolve, 500));
	print({ type: 'connected', ok, failed: config.clients - ok, millis: Math.round(now() - started) });
}

function percentile(sorted, p) {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
	const command = JSON.parse(line);
	if (command.op === 'report') {
		const sorted = latencies.sort((a, b) => a - b);
		const round = (value) => (value === null ? null : Math.round(value * 100) / 100);
		print({ type: 'report', count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)),
			p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? null) });
		latencies = [];
	}
	else if (command.op === 'close') {
		sockets.forEach((socket) => socket.close());
		setTimeout(() => process.exit(0), 500);
	}
});

main();
