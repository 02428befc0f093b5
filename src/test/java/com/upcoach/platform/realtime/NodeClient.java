package com.upcoach.platform.realtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The official npm {@code socket.io-client} in a node process ({@code src/test/node}),
 * driven line by line: everything the client sees is recorded, and emits are sent with an
 * acknowledgement.
 */
public final class NodeClient implements AutoCloseable {

	static final Path DIRECTORY = Path.of("src/test/node").toAbsolutePath();

	/**
	 * What npm and the clients print on their error stream.
	 */
	private static final Path LOG = Path.of("target/node-clients.log").toAbsolutePath();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static boolean installed;

	private final Process process;

	private final Writer commands;

	private final List<JsonNode> lines = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	private NodeClient(Process process) {
		this.process = process;
		this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					this.lines.add(json.readTree(line));
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
		}, "node-client");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts a client against {@code http://localhost:port}.
	 * @param options the options of {@code io(url, options)}, e.g. transports and auth
	 */
	public static NodeClient connect(int port, Map<String, Object> options) {
		install();
		try {
			ProcessBuilder builder = new ProcessBuilder("node", "client.js", "http://localhost:" + port,
					json.writeValueAsString(options))
				.directory(DIRECTORY.toFile())
				// Never the test JVM's own streams: the forked test runner talks to Maven
				// over them.
				.redirectError(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
			return new NodeClient(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Map<String, Object> websocket(String token) {
		return Map.of("transports", List.of("websocket"), "auth", Map.of("token", token));
	}

	public static Map<String, Object> polling(String token) {
		return Map.of("transports", List.of("polling"), "upgrade", false, "auth", Map.of("token", token));
	}

	/**
	 * Runs {@code npm ci} once when the pinned packages are not installed yet.
	 * @return where they are
	 */
	public static synchronized Path install() {
		if (installed || (Files.isDirectory(DIRECTORY.resolve("node_modules/socket.io-client"))
				&& Files.isDirectory(DIRECTORY.resolve("node_modules/axe-core")))) {
			installed = true;
			return DIRECTORY;
		}
		try {
			// Not inheritIO(): npm would make the test runner's stdin non-blocking and
			// write into its channel to Maven.
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIRECTORY.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
				.start();
			npm.getOutputStream().close();
			if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
				throw new IllegalStateException("npm ci failed in " + DIRECTORY + ", see " + LOG);
			}
			installed = true;
			return DIRECTORY;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits for the client to be connected and returns the transport it uses.
	 */
	public String awaitConnected() {
		return awaitLine((line) -> "connect".equals(line.path("type").asString())).path("transport").asString();
	}

	/**
	 * Waits for an event from the server and returns its payload.
	 */
	public JsonNode awaitEvent(String event) {
		return awaitEvent(event, (payload) -> true);
	}

	public JsonNode awaitEvent(String event, Predicate<JsonNode> matching) {
		return awaitLine((line) -> "event".equals(line.path("type").asString())
				&& event.equals(line.path("event").asString()) && matching.test(line.path("payload")))
			.path("payload");
	}

	public JsonNode awaitLine(String type) {
		return awaitLine((line) -> type.equals(line.path("type").asString()));
	}

	public JsonNode awaitDisconnect() {
		return awaitLine((line) -> "disconnect".equals(line.path("type").asString()));
	}

	/**
	 * Emits and waits for the acknowledgement.
	 */
	public JsonNode emit(String event, Object payload) {
		int id = this.ids.incrementAndGet();
		Map<String, Object> command = (payload != null)
				? Map.of("op", "emit", "id", id, "event", event, "payload", payload)
				: Map.of("op", "emit", "id", id, "event", event);
		send(command);
		return awaitLine((line) -> "ack".equals(line.path("type").asString()) && line.path("id").asInt() == id)
			.path("ack");
	}

	/**
	 * Emits all at once, without waiting in between, and returns the acknowledgements.
	 */
	public List<JsonNode> emitAll(String event, List<?> payloads) {
		List<Integer> sent = new ArrayList<>();
		for (Object payload : payloads) {
			int id = this.ids.incrementAndGet();
			sent.add(id);
			send(Map.of("op", "emit", "id", id, "event", event, "payload", payload));
		}
		return sent.stream()
			.map((id) -> awaitLine(
					(line) -> "ack".equals(line.path("type").asString()) && line.path("id").asInt() == id)
				.path("ack"))
			.toList();
	}

	public List<JsonNode> lines(String type) {
		List<JsonNode> matching = new ArrayList<>();
		this.lines.stream().filter((line) -> type.equals(line.path("type").asString())).forEach(matching::add);
		return matching;
	}

	public List<JsonNode> events(String event) {
		return lines("event").stream()
			.filter((line) -> event.equals(line.path("event").asString()))
			.map((line) -> line.path("payload"))
			.toList();
	}

	private JsonNode awaitLine(Predicate<JsonNode> matching) {
		return await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.lines.stream().filter(matching).findFirst().orElse(null), (line) -> line != null);
	}

	private void send(Map<String, Object> command) {
		try {
			this.commands.write(json.writeValueAsString(command) + "\n");
			this.commands.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			send(Map.of("op", "close"));
		}
		catch (UncheckedIOException ex) {
			// Already gone.
		}
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
