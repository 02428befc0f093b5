// The member app's outbox: what was tapped offline waits in IndexedDB (per member, in order)
// and goes to /app/sync when the network is back. Every write carries an id made here, so
// sending it twice (an answer lost on the way back) still records it once.
'use strict';
window.UpCoachOutbox = (() => {
	const STORE = 'outbox';
	let database;

	function open() {
		database ??= new Promise((resolve, reject) => {
			const request = indexedDB.open('upcoach', 1);
			request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key', autoIncrement: true });
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		return database;
	}

	async function run(mode, work) {
		const transaction = (await open()).transaction(STORE, mode);
		const request = work(transaction.objectStore(STORE));
		return new Promise((resolve, reject) => {
			transaction.oncomplete = () => resolve(request && request.result);
			transaction.onerror = () => reject(transaction.error);
		});
	}

	/** Queue one sync operation of this member. */
	function add(user, operation) {
		return run('readwrite', (store) => store.add({ user, operation }));
	}

	/** This member's queued entries, oldest first. */
	async function pending(user) {
		return (await run('readonly', (store) => store.getAll())).filter((entry) => entry.user === user);
	}

	function remove(keys) {
		return run('readwrite', (store) => keys.forEach((key) => store.delete(key)));
	}

	/**
	 * Send this member's queue. Answers what each entry came to; entries the server has
	 * answered leave the queue (a conflict or rejection is final: the server's state
	 * stands), the rest stay for the next try.
	 */
	async function flush(user, csrfHeader, csrfToken) {
		const entries = await pending(user);
		if (entries.length === 0) {
			return [];
		}
		const answer = await fetch('/app/sync', { method: 'POST', headers: { 'Content-Type': 'application/json',
			'HX-Request': 'true', [csrfHeader]: csrfToken },
			body: JSON.stringify({ operations: entries.map((entry) => entry.operation) }) });
		if (!answer.ok) {
			throw new Error(`sync answered ${answer.status}`);
		}
		const results = await answer.json();
		await remove(entries.map((entry) => entry.key));
		return entries.map((entry, index) => ({ operation: entry.operation, result: results[index].result }));
	}

	return { add, pending, flush };
})();
