package com.upcoach.notifications.web;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.notifications.NotificationInbox;
import com.upcoach.notifications.NotificationSettings;
import com.upcoach.notifications.NotificationView;
import com.upcoach.platform.realtime.Realtime;
import com.upcoach.platform.realtime.RealtimeListener;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent event streams of this node. Each listens to its user's realtime
 * feed and turns it into SSE events: {@code notification} (id = seq),
 * {@code announcement}, {@code progress}, {@code notification:read},
 * {@code notification:deleted}; plus heartbeat comments.
 * <p>
 * A stream that resumes ({@code Last-Event-ID}) first listens, holding live events back,
 * then sends the stored notifications it missed, then the held-back events; a live
 * notification the replay already sent is dropped, also when its delivery (which follows
 * its commit asynchronously) comes after the replay: nothing committed in between is lost
 * or sent twice.
 */
@Component
class NotificationStreams implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(NotificationStreams.class);

	/** How many events may wait for a slow client before its stream is closed. */
	private static final int MAX_QUEUED = 1000;

	/** How many stored notifications one resume sends at most (ten pages of 100). */
	private static final int MAX_REPLAY_PAGES = 10;

	private final NotificationInbox inbox;

	private final Realtime realtime;

	private final JsonMapper json;

	private final NotificationSettings.Sse settings;

	private final Map<UUID, Deque<Stream>> streams = new ConcurrentHashMap<>();

	private final ExecutorService writers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "sse-writer");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "sse-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	NotificationStreams(NotificationInbox inbox, Realtime realtime, JsonMapper json, NotificationSettings settings) {
		this.inbox = inbox;
		this.realtime = realtime;
		this.json = json;
		this.settings = settings.sse();
		long every = this.settings.heartbeat().toMillis();
		this.heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Open a stream for the user's session.
	 * @param lastEventId the last notification seq the client saw, or {@code null}
	 */
	SseEmitter open(UserId user, UUID sessionId, Long lastEventId) {
		SseEmitter emitter = new SseEmitter(this.settings.timeout().toMillis());
		Stream stream = new Stream(user, emitter);
		emitter.onCompletion(stream::close);
		emitter.onTimeout(stream::complete);
		emitter.onError((ex) -> stream.close());
		admit(stream);
		stream.registration = this.realtime.listen(user, sessionId, stream);
		stream.send(SseEmitter.event().reconnectTime(3000));
		stream.start((lastEventId != null) ? missed(user, lastEventId) : List.of());
		return emitter;
	}

	int count(UserId user) {
		Deque<Stream> open = this.streams.get(user.value());
		return (open != null) ? open.size() : 0;
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.writers.shutdown();
		this.streams.values().forEach((open) -> List.copyOf(open).forEach(Stream::complete));
	}

	private List<NotificationView> missed(UserId user, long seq) {
		List<NotificationView> missed = new ArrayList<>();
		long after = seq;
		for (int page = 0; page < MAX_REPLAY_PAGES; page++) {
			List<NotificationView> next = this.inbox.since(user, after);
			missed.addAll(next);
			if (next.size() < 100) {
				break;
			}
			after = next.get(next.size() - 1).seq();
		}
		return missed;
	}

	// Beyond the limit the oldest stream goes: a tab closed without a goodbye must not
	// lock the user out until its connection is noticed dead.
	private void admit(Stream stream) {
		Stream evicted = null;
		Deque<Stream> open = this.streams.computeIfAbsent(stream.user.value(), (key) -> new ArrayDeque<>());
		synchronized (open) {
			open.addLast(stream);
			if (open.size() > this.settings.maxPerUser()) {
				evicted = open.pollFirst();
			}
		}
		if (evicted != null) {
			evicted.complete();
		}
	}

	private void heartbeat() {
		for (Deque<Stream> open : this.streams.values()) {
			List<Stream> copy;
			synchronized (open) {
				copy = List.copyOf(open);
			}
			copy.forEach((stream) -> stream.send(SseEmitter.event().comment("heartbeat")));
		}
	}

	private final class Stream implements RealtimeListener {

		private final UserId user;

		private final SseEmitter emitter;

		private final Object lock = new Object();

		private List<String[]> held = new ArrayList<>();

		// Replayed seqs: a late live delivery of one is dropped, and its seq with it. At
		// most the replay limit.
		private final Set<Long> replayed = new HashSet<>();

		private volatile boolean closed;

		private volatile Realtime.Registration registration;

		private final Queue<SseEmitter.SseEventBuilder> outbox = new ConcurrentLinkedQueue<>();

		private final AtomicInteger queued = new AtomicInteger();

		private final AtomicBoolean writing = new AtomicBoolean();

		Stream(UserId user, SseEmitter emitter) {
			this.user = user;
			this.emitter = emitter;
		}

		@Override
		public void deliver(String event, String payload) {
			synchronized (this.lock) {
				if (this.held != null) {
					this.held.add(new String[] { event, payload });
					return;
				}
				forward(event, payload);
			}
		}

		@Override
		public void ended() {
			complete();
		}

		void start(List<NotificationView> missed) {
			synchronized (this.lock) {
				for (NotificationView notification : missed) {
					send(SseEmitter.event()
						.id(Long.toString(notification.seq()))
						.name("notification")
						.data(NotificationStreams.this.json.writeValueAsString(notification)));
					this.replayed.add(notification.seq());
				}
				for (String[] event : this.held) {
					forward(event[0], event[1]);
				}
				this.held = null;
			}
		}

		// Called holding the lock.
		private void forward(String event, String payload) {
			switch (event) {
				case "notification:new" -> {
					JsonNode seq = NotificationStreams.this.json.readTree(payload).get("seq");
					if (seq == null) {
						send(SseEmitter.event().name("announcement").data(payload));
					}
					else if (!this.replayed.remove(seq.asLong())) {
						send(SseEmitter.event().id(seq.asString()).name("notification").data(payload));
					}
				}
				case "habit:updated" -> send(SseEmitter.event().name("progress").data(payload));
				case "notification:read", "notification:deleted" -> send(SseEmitter.event().name(event).data(payload));
				default -> {
					// Other events of the user's room (presence, chat) are for Socket.IO.
				}
			}
		}

		/**
		 * Queue an event; a writer thread sends the queue in order. Realtime delivers on
		 * the thread that carries every user's events (the pub/sub subscriber), which
		 * must not wait for one slow client's socket.
		 */
		void send(SseEmitter.SseEventBuilder event) {
			if (this.closed) {
				return;
			}
			if (this.queued.incrementAndGet() > MAX_QUEUED) {
				logger.debug("Closing a notification stream whose client does not keep up");
				complete();
				return;
			}
			this.outbox.add(event);
			if (this.writing.compareAndSet(false, true)) {
				NotificationStreams.this.writers.execute(this::write);
			}
		}

		private void write() {
			do {
				SseEmitter.SseEventBuilder event;
				while ((event = this.outbox.poll()) != null) {
					this.queued.decrementAndGet();
					if (this.closed) {
						continue;
					}
					try {
						this.emitter.send(event);
					}
					catch (IOException | IllegalStateException ex) {
						logger.debug("Closing a notification stream that could not be written: {}", ex.getMessage());
						close();
					}
				}
				this.writing.set(false);
			}
			while (!this.outbox.isEmpty() && this.writing.compareAndSet(false, true));
		}

		void complete() {
			close();
			try {
				this.emitter.complete();
			}
			catch (IllegalStateException ex) {
				// Already completed.
			}
		}

		void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			Realtime.Registration listening = this.registration;
			if (listening != null) {
				listening.close();
			}
			Deque<Stream> open = NotificationStreams.this.streams.get(this.user.value());
			if (open != null) {
				synchronized (open) {
					open.remove(this);
				}
				NotificationStreams.this.streams.computeIfPresent(this.user.value(),
						(key, all) -> all.isEmpty() ? null : all);
			}
		}

	}

}
