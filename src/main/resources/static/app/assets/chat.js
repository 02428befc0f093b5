// Chat in the member app. The page opens a Socket.IO connection with an access token of
// its own session (POST /app/realtime-token) and, on what it hears, fetches the rendered
// rows: new messages after the last one shown (also after a reconnect, so nothing missed
// is lost), a message edited or deleted, the conversation list. Typing goes out and comes
// in over the socket; read positions are posted and come back as receipts ("Seen").
'use strict';
(() => {
	const main = document.querySelector('[data-chat], [data-chat-list]');
	if (!main || !window.fetch) {
		return;
	}
	const chatId = main.dataset.chat;
	const me = main.dataset.me;
	const list = document.getElementById('messages');
	const typingLine = document.getElementById('typing');
	const liveStatus = document.getElementById('live-status');
	const reads = list ? JSON.parse(list.dataset.reads) : {};
	const names = list ? JSON.parse(list.dataset.names) : {};
	const typists = new Map();
	let socket = null;
	let fetching = Promise.resolve();
	let lastRead = 0;
	let typingSince = 0;
	let stopTimer = null;
	let retries = 0;
	let listing = null;
	let listAgain = false;

	if (list) {
		scrollToEnd();
		markRead();
		document.addEventListener('visibilitychange', markRead);
		main.addEventListener('input', typed);
		main.addEventListener('keydown', enterSends);
		main.addEventListener('click', showEarlier);
		document.body.addEventListener('chat:sent', () => {
			stopTyping();
			catchUp();
		});
		document.body.addEventListener('htmx:afterSwap', (event) => {
			if (event.detail.target.id === 'composer') {
				document.getElementById('message-text').focus();
			}
		});
	}
	loadSocketIo().then(connect, () => showLive(false));

	function loadSocketIo() {
		return new Promise((resolve, reject) => {
			const script = document.createElement('script');
			script.src = main.dataset.socketIo;
			script.onload = resolve;
			script.onerror = reject;
			document.head.appendChild(script);
		});
	}

	function connect() {
		socket = window.io({
			transports: ['websocket'],
			// Asked at every (re)connection: a token lives 15 minutes, a page longer.
			auth: (send) => accessToken().then((token) => send({ token }), () => send({})),
		});
		socket.on('connect', () => {
			// The server puts the connection into its rooms as it accepts it; the answer to
			// a join of this page's room (the conversation's, or everyone's for the list)
			// shows that is done, so nothing said from then on is missed.
			socket.emit('room:join', { room: list ? `chat:${chatId}` : 'system:broadcasts' }, () => {
				retries = 0;
				showLive(true);
				if (list) {
					catchUp().then(markRead);
				}
				else {
					refreshList();
				}
			});
		});
		socket.on('disconnect', () => showLive(false));
		socket.on('auth:error', (error) => {
			if (error.code === 'SESSION_ENDED') {
				window.location.reload();
				return;
			}
			// The server refused this token (expired, or the server restarted with new
			// keys): try again with a new one, less often each time.
			retries += 1;
			setTimeout(() => socket.connect(), Math.min(30000, 1000 * (2 ** retries)));
		});
		socket.on('chat:message', heard);
		socket.on('chat:message:updated', replaced);
		socket.on('chat:message:deleted', replaced);
		socket.on('chat:typing', typing);
		socket.on('chat:read', receipt);
	}

	function accessToken() {
		const [header, token] = csrf();
		return fetch('/app/realtime-token', { method: 'POST', headers: { [header]: token } }).then((answer) => {
			if (answer.ok) {
				return answer.json().then((body) => body.token);
			}
			// Refused because the session is over (signed out here or elsewhere, which
			// also closes the socket): the page itself now leads to the sign-in.
			return signedOut().then((out) => {
				if (out) {
					window.location.reload();
				}
				return Promise.reject(new Error(answer.status));
			});
		});
	}

	function signedOut() {
		return fetch(window.location.pathname, { method: 'HEAD', redirect: 'manual' })
			.then((answer) => answer.type === 'opaqueredirect', () => false);
	}

	function showLive(connected) {
		main.dataset.socket = connected ? 'connected' : 'disconnected';
		if (liveStatus) {
			liveStatus.textContent = connected ? '' : liveStatus.dataset.offline;
		}
	}

	function heard(message) {
		if (!list) {
			refreshList();
			return;
		}
		if (message.chatId !== chatId) {
			return;
		}
		if (message.sender) {
			// Whoever writes has read the conversation up to there.
			reads[message.sender.id] = Math.max(reads[message.sender.id] || 0, message.seq);
			typists.delete(message.sender.id);
			showTyping();
		}
		catchUp().then(markRead);
	}

	// One fetch at a time, each after the last message shown, until nothing is left.
	function catchUp() {
		fetching = fetching.then(async () => {
			for (;;) {
				const last = list.lastElementChild;
				const slice = await messages(`after=${last ? last.dataset.seq : 0}`);
				const follows = nearEnd();
				const added = [...slice.children].filter((row) => !document.getElementById(row.id));
				added.forEach((row) => list.appendChild(row));
				added.forEach((row) => window.htmx && window.htmx.process(row));
				if (added.length > 0) {
					const empty = document.getElementById('no-messages');
					if (empty) {
						empty.remove();
					}
					if (follows || added.some((row) => row.classList.contains('mine'))) {
						scrollToEnd();
					}
				}
				showStatuses();
				if (slice.dataset.hasMore !== 'true') {
					return;
				}
			}
		}).catch(() => undefined);
		return fetching;
	}

	function showEarlier(event) {
		const link = event.target.closest('#earlier');
		if (!link) {
			return;
		}
		event.preventDefault();
		const first = list.firstElementChild;
		messages(`before=${first.dataset.seq}`).then((slice) => {
			const height = document.documentElement.scrollHeight;
			const rows = [...slice.children].filter((row) => !document.getElementById(row.id));
			list.prepend(...rows);
			rows.forEach((row) => window.htmx && window.htmx.process(row));
			window.scrollBy(0, document.documentElement.scrollHeight - height);
			showStatuses();
			if (slice.dataset.hasMore !== 'true') {
				link.remove();
			}
		}).catch(() => undefined);
	}

	function messages(query) {
		return rendered(`/app/chat/${chatId}/messages?${query}`).then((html) => html.querySelector('ol'));
	}

	function replaced(message) {
		const row = list && document.getElementById(`message-${message.id}`);
		if (!row) {
			return;
		}
		rendered(`/app/chat/${chatId}/messages/${message.id}`)
			.then((html) => {
				const fresh = html.firstElementChild;
				document.getElementById(row.id).replaceWith(fresh);
				if (window.htmx) {
					window.htmx.process(fresh);
				}
				showStatuses();
			})
			.catch(() => undefined);
	}

	// Rows as the server renders them; a redirect (to the sign-in) is a failure.
	function rendered(path) {
		return fetch(path, { redirect: 'error' })
			.then((answer) => (answer.ok ? answer.text() : Promise.reject(new Error(answer.status))))
			.then((html) => {
				const template = document.createElement('template');
				template.innerHTML = html.trim();
				return template.content;
			});
	}

	// The newest message from someone else, once the page is in view.
	function markRead() {
		const theirs = list.querySelectorAll('li.theirs');
		const newest = theirs[theirs.length - 1];
		if (document.visibilityState !== 'visible' || !newest || Number(newest.dataset.seq) <= lastRead) {
			return;
		}
		lastRead = Number(newest.dataset.seq);
		const [header, token] = csrf();
		fetch(`/app/chat/${chatId}/read`, {
			method: 'POST',
			headers: { [header]: token, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `messageId=${encodeURIComponent(newest.id.substring('message-'.length))}`,
		}).catch(() => undefined);
	}

	function receipt(read) {
		if (!list || read.chatId !== chatId || read.userId === me) {
			return;
		}
		reads[read.userId] = Math.max(reads[read.userId] || 0, read.seq);
		showStatuses();
	}

	// An own message is seen once everyone else has read it.
	function showStatuses() {
		const others = Object.values(reads);
		const seen = (others.length > 0) ? Math.min(...others) : 0;
		list.querySelectorAll('li.mine .status').forEach((status) => {
			const seq = Number(status.closest('li').dataset.seq);
			status.textContent = (seq <= seen) ? list.dataset.seen : list.dataset.sent;
		});
	}

	function typed(event) {
		if (event.target.name !== 'text' || !socket || !socket.connected) {
			return;
		}
		// The server drops repeats too; this only spares the connection.
		if (Date.now() - typingSince > 3000) {
			socket.emit('chat:typing', { chatId, typing: true });
			typingSince = Date.now();
		}
		clearTimeout(stopTimer);
		stopTimer = setTimeout(stopTyping, 5000);
	}

	function stopTyping() {
		clearTimeout(stopTimer);
		if (typingSince && socket && socket.connected) {
			socket.emit('chat:typing', { chatId, typing: false });
		}
		typingSince = 0;
	}

	function typing(signal) {
		if (!list || signal.chatId !== chatId || signal.userId === me) {
			return;
		}
		clearTimeout(typists.get(signal.userId));
		if (signal.typing) {
			// A typist who went away without a word is forgotten after a while.
			typists.set(signal.userId, setTimeout(() => {
				typists.delete(signal.userId);
				showTyping();
			}, 8000));
		}
		else {
			typists.delete(signal.userId);
		}
		showTyping();
	}

	function showTyping() {
		typingLine.textContent = [...typists.keys()]
			.map((id) => typingLine.dataset.one.replace('{0}', names[id] || '\u2026'))
			.join(' ');
	}

	// Enter sends, Shift+Enter starts a new line.
	function enterSends(event) {
		if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.target.name === 'text') {
			event.preventDefault();
			if (event.target.value.trim() !== '') {
				event.target.form.requestSubmit();
			}
		}
	}

	// One refresh at a time, and one more when asked during it: a message that arrives
	// while an older list is on its way must not be left out (htmx.ajax would drop the
	// second request to the same element).
	function refreshList() {
		if (listing) {
			listAgain = true;
			return;
		}
		listing = rendered(`/app/chat/list${window.location.search}`)
			.then((html) => document.getElementById('conversation-list').replaceWith(html.firstElementChild))
			.catch(() => undefined)
			.finally(() => {
				listing = null;
				if (listAgain) {
					listAgain = false;
					refreshList();
				}
			});
	}

	function nearEnd() {
		return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 120;
	}

	function scrollToEnd() {
		const composer = document.getElementById('composer');
		if (composer) {
			composer.scrollIntoView({ block: 'end' });
		}
	}

	function csrf() {
		return [document.querySelector('meta[name=_csrf_header]').content,
			document.querySelector('meta[name=_csrf]').content];
	}
})();
