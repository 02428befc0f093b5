// The member app's page script: the service worker, the online/offline status and live
// updates from the notification stream (a habit changed on another device refreshes its row).
'use strict';
(() => {
	if ('serviceWorker' in navigator) {
		navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
	}

	const status = document.getElementById('sync-status');
	const showConnection = () => {
		status.textContent = navigator.onLine ? '' : status.dataset.offline;
		document.body.classList.toggle('offline', !navigator.onLine);
	};
	window.addEventListener('online', showConnection);
	window.addEventListener('offline', showConnection);
	showConnection();

	if (!('EventSource' in window)) {
		return;
	}
	const stream = new EventSource('/api/v1/sse/notifications');
	// A row with a tap of this page in flight is left alone: that tap's answer brings the
	// row (its own change comes back through the stream too, often first), and replacing the
	// row under it would cut the answer off from the page.
	const settled = (row) => row && !row.querySelector('.htmx-request');
	stream.addEventListener('progress', async (event) => {
		const change = JSON.parse(event.data);
		if (!settled(document.getElementById(`habit-${change.habitId}`)) || !window.htmx) {
			return;
		}
		const answer = await fetch(`/app/habits/${change.habitId}/today`, { headers: { 'HX-Request': 'true' } });
		const row = document.getElementById(`habit-${change.habitId}`);
		if (answer.ok && settled(row)) {
			window.htmx.swap(row, await answer.text(), { swapStyle: 'outerHTML' });
		}
	});
	window.addEventListener('pagehide', () => stream.close());
})();
