package com.upcoach.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A server-sent event client as a browser's EventSource reads the stream: line by line,
 * events split at blank lines, comments kept so tests can see heartbeats.
 */
final class SseClient implements AutoCloseable {

	private static final Event CLOSED = new Event(null, "(closed)", null, null);

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int status;

	private final InputStream body;

	private final Thread reader;

	private SseClient(int port, String path, Consumer<HttpRequest.Builder> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/event-stream")
			.GET();
		headers.accept(request);
		try {
			HttpResponse<InputStream> response = this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			this.status = response.statusCode();
			this.body = response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		this.reader = new Thread(this::read, "sse-test-reader");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	static SseClient open(int port, String path, Consumer<HttpRequest.Builder> headers) {
		return new SseClient(port, path, headers);
	}

	static SseClient bearer(int port, String token) {
		return open(port, "/api/v1/sse/notifications", (request) -> request.header("Authorization", "Bearer " + token));
	}

	int status() {
		return this.status;
	}

	/**
	 * The next event (or comment) within the timeout, {@code null} if none came.
	 */
	Event next(Duration timeout) {
		try {
			return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The next event with this name, skipping others (heartbeats, retry hints).
	 */
	Event next(String name, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Event event = next(Duration.ofNanos(deadline - System.nanoTime()));
			if (event == null) {
				return null;
			}
			if (name.equals(event.name())) {
				return event;
			}
			if (event == CLOSED) {
				return event;
			}
		}
		return null;
	}

	/**
	 * Whether the server ends the stream within the timeout.
	 */
	boolean closesWithin(Duration timeout) {
		return next("(closed)", timeout) == CLOSED;
	}

	/**
	 * Every event that arrives within the window.
	 */
	List<Event> drain(Duration window) {
		List<Event> drained = new ArrayList<>();
		long deadline = System.nanoTime() + window.toNanos();
		Event event;
		while ((event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) != null) {
			drained.add(event);
			if (System.nanoTime() >= deadline) {
				break;
			}
		}
		return drained;
	}

	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// Closing is all that is wanted.
		}
		this.reader.interrupt();
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String id = null;
			String name = null;
			StringBuilder data = null;
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null || name != null || id != null) {
						this.events.add(new Event(id, (name != null) ? name : "message",
								(data != null) ? data.toString() : null, null));
					}
					id = null;
					name = null;
					data = null;
				}
				else if (line.startsWith(":")) {
					this.events.add(new Event(null, null, null, line.substring(1).strip()));
				}
				else {
					int colon = line.indexOf(':');
					String field = (colon < 0) ? line : line.substring(0, colon);
					String value = (colon < 0) ? "" : line.substring(colon + 1);
					if (value.startsWith(" ")) {
						value = value.substring(1);
					}
					switch (field) {
						case "id" -> id = value;
						case "event" -> name = value;
						case "data" ->
							data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
						default -> {
							// retry: and unknown fields carry no event.
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// The stream ended.
		}
		this.events.add(CLOSED);
	}

	/**
	 * One event, or a comment line.
	 *
	 * @param id the event id
	 * @param name the event name
	 * @param data the data
	 * @param comment the comment text, for a comment line
	 */
	record Event(String id, String name, String data, String comment) {

		boolean isComment() {
			return this.comment != null;
		}

	}

}
