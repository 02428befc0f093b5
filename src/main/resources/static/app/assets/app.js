// The member app's page script: the service worker, the connection and sync status, taps
// and journal entries queued while offline (see outbox.js) and sent when back online, live
// updates from the notification stream (a habit changed on another device refreshes its
// row), the time zone guess and the reminders permission of the welcome.
'use strict';
(() => {
	if ('serviceWorker' in navigator) {
		navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
	}

	const body = document.body;
	const user = body.dataset.user;
	const status = document.getElementById('sync-status');
	const outbox = window.UpCoachOutbox;
	// What each offline-capable button records, beside the habit and the day.
	const TAPS = { 'check-in': {}, increment: { value: 1, increment: true }, skip: { skipped: true } };
	let syncing = false;

	window.addEventListener('online', () => showConnection().then(sync));
	window.addEventListener('offline', showConnection);
	body.addEventListener('htmx:beforeRequest', queueWhenOffline);
	body.addEventListener('submit', queueEntryWhenOffline);
	body.addEventListener('htmx:sendError', () => showMessage(status.dataset.needsConnection));
	showConnection().then(sync);
	guessTimeZone();
	offerPush();
	followLiveUpdates();

	async function showConnection() {
		body.classList.toggle('offline', !navigator.onLine);
		const waiting = (user && outbox) ? await outbox.pending(user) : [];
		waiting.filter((entry) => entry.operation.type === 'habit_check_in')
			.forEach(({ operation }) => markQueued(document.getElementById(`habit-${operation.data.habitId}`),
				!operation.data.increment));
		if (waiting.length > 0) {
			status.textContent = (waiting.length === 1) ? status.dataset.waitingOne
				: status.dataset.waitingMany.replace('{0}', waiting.length);
		}
		else {
			status.textContent = navigator.onLine ? '' : status.dataset.offline;
		}
	}

	// Offline, a tap on Today is kept on this device instead of failing.
	function queueWhenOffline(event) {
		const form = event.detail.elt.closest && event.detail.elt.closest('form[data-offline]');
		if (navigator.onLine || !form || !user || !outbox) {
			return;
		}
		event.preventDefault();
		const made = { id: crypto.randomUUID(), action: 'create', clientUpdatedAt: new Date().toISOString() };
		if (form.dataset.offline === 'mood') {
			const score = Number(event.detail.requestConfig.triggeringEvent.submitter.value);
			outbox.add(user, { ...made, type: 'mood_log', data: { score, loggedAt: made.clientUpdatedAt } })
				.then(() => moodQueued(form.closest('section')))
				.then(showConnection);
			return;
		}
		const row = form.closest('.habit');
		const data = { habitId: row.id.substring('habit-'.length), date: localDay(), ...TAPS[form.dataset.offline] };
		outbox.add(user, { ...made, type: 'habit_check_in', data })
			.then(() => markQueued(row, !data.increment))
			.then(showConnection);
	}

	// Offline, a journal entry written in the page is kept on this device too; the form is
	// emptied for the next one.
	function queueEntryWhenOffline(event) {
		const form = event.target;
		if (navigator.onLine || form.dataset.offline !== 'journal' || !user || !outbox) {
			return;
		}
		event.preventDefault();
		const fields = new FormData(form);
		const tags = String(fields.get('tags') || '').split(',').map((tag) => tag.trim()).filter(Boolean);
		const made = { id: crypto.randomUUID(), action: 'create', clientUpdatedAt: new Date().toISOString() };
		const data = { kind: 'text', title: fields.get('title') || null, body: fields.get('body'), tags, day: localDay() };
		outbox.add(user, { ...made, type: 'journal_entry', data })
			.then(() => {
				form.reset();
				form.querySelector('[data-queued-status]').textContent = status.dataset.queued;
			})
			.then(showConnection);
	}

	// A queued done or skip settles the day; a queued +1 leaves room for more.
	function markQueued(row, final) {
		if (!row) {
			return;
		}
		row.classList.add('queued');
		row.querySelector('.habit-state').textContent = status.dataset.queued;
		if (final) {
			row.querySelectorAll('button').forEach((button) => { button.disabled = true; });
		}
	}

	function moodQueued(section) {
		let note = section.querySelector('[role=status]');
		if (!note) {
			note = section.appendChild(document.createElement('p'));
			note.setAttribute('role', 'status');
		}
		note.textContent = status.dataset.queued;
	}

	// The member's local day, counted as the server counts it: in their zone, starting at
	// their day-start hour.
	function localDay() {
		const shifted = new Date(Date.now() - Number(body.dataset.dayStart) * 3600000);
		return new Intl.DateTimeFormat('en-CA', { timeZone: body.dataset.zone, year: 'numeric', month: '2-digit',
			day: '2-digit' }).format(shifted);
	}

	async function sync() {
		if (syncing || !navigator.onLine || !user || !outbox || (await outbox.pending(user)).length === 0) {
			return;
		}
		syncing = true;
		status.textContent = status.dataset.syncing;
		try {
			const outcomes = await outbox.flush(user, ...csrf());
			const refused = outcomes.filter(({ result }) => result.status === 'conflict' || result.status === 'rejected');
			status.textContent = status.dataset.synced;
			// The rows' answers empty the message area: say what was refused after them.
			await Promise.all([...new Set(outcomes.filter(({ operation }) => operation.type === 'habit_check_in')
				.map(({ operation }) => operation.data.habitId))].map(refreshRow));
			if (outcomes.some(({ operation }) => operation.type === 'journal_entry')) {
				await refreshEntries();
			}
			if (refused.length > 0) {
				showMessage(refused.map(({ result }) => status.dataset.notSaved.replace('{0}', result.message)).join(' '));
			}
		}
		catch (failed) {
			await showConnection();
		}
		finally {
			syncing = false;
		}
	}

	// The journal's entries, with those just synced, when the journal is the page open.
	async function refreshEntries() {
		const entries = document.getElementById('entries');
		const written = document.querySelector('[data-queued-status]');
		if (!entries || !window.htmx) {
			return;
		}
		await window.htmx.ajax('GET', '/app/journal', { target: '#entries', select: '#entries', swap: 'outerHTML' });
		if (written) {
			written.textContent = '';
		}
	}

	function showMessage(text) {
		const area = document.getElementById('app-message');
		const alert = document.createElement('p');
		alert.className = 'alert error';
		alert.textContent = text;
		area.replaceChildren(alert);
	}

	// A row with a tap of this page in flight is left alone: that tap's answer brings the
	// row (its own change comes back through the stream too, often first), and replacing the
	// row under it would cut the answer off from the page.
	function settled(row) {
		return row && !row.querySelector('.htmx-request');
	}

	async function refreshRow(habitId) {
		if (!settled(document.getElementById(`habit-${habitId}`)) || !window.htmx) {
			return;
		}
		const answer = await fetch(`/app/habits/${habitId}/today`, { headers: { 'HX-Request': 'true' } });
		const row = document.getElementById(`habit-${habitId}`);
		if (answer.ok && settled(row)) {
			window.htmx.swap(row, await answer.text(), { swapStyle: 'outerHTML' });
		}
	}

	// The notifications centre shows a new notification as it arrives.
	async function refreshNotifications() {
		const list = document.getElementById('notification-list');
		if (!list) {
			return;
		}
		const answer = await fetch(`/app/notifications/list?unread=${list.dataset.unread}`,
			{ headers: { 'HX-Request': 'true' } });
		if (answer.ok) {
			list.outerHTML = await answer.text();
		}
	}

	function followLiveUpdates() {
		if (!('EventSource' in window) || !document.querySelector('[data-live]')) {
			return;
		}
		const stream = new EventSource('/api/v1/sse/notifications');
		stream.addEventListener('progress', (event) => refreshRow(JSON.parse(event.data).habitId));
		stream.addEventListener('notification', refreshNotifications);
		window.addEventListener('pagehide', () => stream.close());
	}

	// A new account's zone is UTC until the member picks one: suggest the device's.
	function guessTimeZone() {
		const select = document.querySelector('[data-guess-zone]');
		const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		if (select && select.value === 'UTC' && [...select.options].some((option) => option.value === zone)) {
			select.value = zone;
		}
	}

	// Reminders by Web Push, offered only where the browser can do it.
	function offerPush() {
		const section = document.querySelector('[data-push-permission]');
		if (!section || !('Notification' in window) || !('PushManager' in window) || !('serviceWorker' in navigator)) {
			return;
		}
		section.hidden = false;
		const answer = section.querySelector('[data-push-status]');
		section.querySelector('[data-push-enable]').addEventListener('click', async () => {
			if (await Notification.requestPermission() !== 'granted') {
				answer.textContent = answer.dataset.denied;
				return;
			}
			try {
				const registration = await navigator.serviceWorker.ready;
				const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true,
					applicationServerKey: fromBase64Url(section.dataset.vapidKey) });
				const [header, token] = csrf();
				const saved = await fetch('/app/push-subscriptions', { method: 'POST', body: JSON.stringify(subscription),
					headers: { 'Content-Type': 'application/json', 'HX-Request': 'true', [header]: token } });
				answer.textContent = saved.ok ? answer.dataset.on : answer.dataset.failed;
			}
			catch (failed) {
				// No push service behind this browser (e.g. Chromium without Google's).
				answer.textContent = answer.dataset.failed;
			}
		});
	}

	function csrf() {
		return [document.querySelector('meta[name=_csrf_header]').content,
			document.querySelector('meta[name=_csrf]').content];
	}

	function fromBase64Url(text) {
		const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
		return Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), (c) => c.charCodeAt(0));
	}
})();
