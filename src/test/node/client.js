// One Socket.IO client driven line by line by SocketIoClientIT (NodeClient.java).
// argv[2]: the server URL; argv[3]: JSON options for io() (transports, auth, extraHeaders...).
// It prints one JSON object per line: {type:"open"|"connect"|"disconnect"|"event"|"ack"|"reconnect_attempt"|"connect_error", ...}
// and reads commands from stdin, one JSON object per line: {op:"emit", id, event, payload}, {op:"close"}.
'use strict';
const { io } = require('socket.io-client');
const readline = require('readline');

const url = process.argv[2];
const options = JSON.parse(process.argv[3] || '{}');
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const socket = io(url, { reconnectionDelay: 100, reconnectionDelayMax: 200, timeout: 5000, ...options });
socket.io.on('open', () => print({ type: 'open' }));
socket.io.on('reconnect_attempt', (attempt) => print({ type: 'reconnect_attempt', attempt }));
socket.on('connect', () => print({ type: 'connect', id: socket.id, transport: socket.io.engine.transport.name }));
socket.on('connect_error', (error) => print({ type: 'connect_error', message: error.message }));
socket.on('disconnect', (reason) => print({ type: 'disconnect', reason, active: socket.active }));
socket.onAny((event, payload) => print({ type: 'event', event, payload }));
socket.io.engine && socket.io.engine.on('upgrade', (transport) => print({ type: 'upgrade', transport: transport.name }));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
	const command = JSON.parse(line);
	if (command.op === 'emit') {
		const args = command.payload === undefined ? [] : [command.payload];
		socket.timeout(5000).emit(command.event, ...args, (error, ack) =>
			print({ type: 'ack', id: command.id, ack: error ? { timeout: true } : ack }));
	}
	else if (command.op === 'close') {
		socket.close();
		// Let the close packet leave (a POST on long polling) before the process ends.
		setTimeout(() => process.exit(0), 300);
	}
});
