package com.upcoach.platform.realtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.ClusterNodes;
import com.upcoach.Http;
import com.upcoach.TestStack;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The realtime benchmark of {@code docs/benchmarks/realtime.md}: starts the application
 * (one node, or two sharing Redis), connects {@code -Dclients} WebSocket clients of the
 * official npm client ({@code src/test/node/load.js}, several node processes), and
 * measures connect success, heap and resident memory per connection, and the latency of
 * events sent through {@link Realtime}: to one user while everyone else is connected,
 * broadcast to all, and from a REST write (a habit check-in, a chat message) to its
 * {@code habit:updated} / {@code chat:message} at the client.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) -Dclients=10000 \
 *     com.upcoach.platform.realtime.RealtimeLoad
 * </pre>
 *
 * {@code -DtwoNodes=true} connects the clients to node B and sends (and writes) on node A
 * (needs Redis on 127.0.0.1:6379).
 */
public final class RealtimeLoad {

	private static final JsonMapper json = JsonMapper.builder().build();

	private RealtimeLoad() {
	}

	public static void main(String[] args) throws Exception {
		int clients = Integer.getInteger("clients", 1000);
		int users = Integer.getInteger("users", 50);
		int perProcess = Integer.getInteger("perProcess", 2500);
		boolean twoNodes = Boolean.getBoolean("twoNodes");
		NodeClient.install();
		List<String> properties = new ArrayList<>(
				List.of("logging.level.root=warn", "upcoach.rate-limit.enabled=false"));
		if (twoNodes) {
			properties.add("spring.data.redis.host=" + TestStack.redisHost());
			properties.add("spring.data.redis.port=" + TestStack.redisPort());
		}
		try (ClusterNodes cluster = new ClusterNodes()) {
			ConfigurableApplicationContext sender = cluster.start(properties.toArray(String[]::new));
			ConfigurableApplicationContext receiver = twoNodes ? cluster.start(properties.toArray(String[]::new))
					: sender;
			int port = ClusterNodes.portOf(receiver);
			Http http = new Http(port);
			AccountManagement accounts = sender.getBean(AccountManagement.class);
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < users; i++) {
				UserView user = AccountFixtures.create(accounts, Role.USER);
				tokens.add(http.login(user.email(), AccountFixtures.PASSWORD));
			}
			UserView probe = AccountFixtures.create(accounts, Role.USER);
			String probeToken = http.login(probe.email(), AccountFixtures.PASSWORD);
			RestWrites writes = RestWrites.prepare(sender, probe, probeToken);

			long heapBefore = usedHeapAfterGc();
			long rssBefore = residentBytes();
			Instant started = Instant.now();
			List<LoadProcess> processes = new ArrayList<>();
			for (int offset = 0; offset < clients; offset += perProcess) {
				int count = Math.min(perProcess, clients - offset);
				processes.add(LoadProcess.start(Map.of("url", "http://localhost:" + port, "tokens", tokens, "clients",
						count, "concurrency", 50, "probeToken", (offset == 0) ? probeToken : tokens.get(0), "watch",
						(offset == 0) ? RestWrites.EVENTS : List.of())));
			}
			int connected = 0;
			for (LoadProcess process : processes) {
				connected += process.next("connected", Duration.ofMinutes(10)).path("ok").asInt();
			}
			Duration connecting = Duration.between(started, Instant.now());
			long heapAfter = usedHeapAfterGc();
			long rssAfter = residentBytes();
			int sockets = clients + processes.size();
			System.out.printf("nodes=%d clients=%d connected=%d failed=%d connect-time=%.1fs%n", twoNodes ? 2 : 1,
					clients, connected, clients - connected, connecting.toMillis() / 1000.0);
			System.out.printf(
					"heap %d MB -> %d MB: %.1f KB per connection; RSS %d MB -> %d MB: %.1f KB per connection%n",
					heapBefore >> 20, heapAfter >> 20, (heapAfter - heapBefore) / 1024.0 / sockets, rssBefore >> 20,
					rssAfter >> 20, (rssAfter - rssBefore) / 1024.0 / sockets);

			Realtime realtime = sender.getBean(Realtime.class);
			UserId probeUser = new UserId(probe.id());
			for (int i = 0; i < 1000; i++) {
				realtime.toUser(probeUser, "bench:ping", Map.of("sentAt", epochMillis()));
				Thread.sleep(5);
			}
			Thread.sleep(1000);
			report("to one user (1000 events, one every 5 ms)", processes);
			writes.measure(processes.get(0), Integer.getInteger("writes", 500));
			for (int i = 0; i < 5; i++) {
				realtime.broadcast("bench:ping", Map.of("sentAt", epochMillis()));
				Thread.sleep(3000);
			}
			report("broadcast to every client (5 events, each to all)", processes);
			processes.forEach(LoadProcess::close);
		}
		System.exit(0);
	}

	private static String percentiles(List<Double> millis) {
		List<Double> sorted = millis.stream().sorted().toList();
		return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(sorted, 50),
				percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1));
	}

	private static double percentile(List<Double> sorted, int p) {
		return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	private static void report(String what, List<LoadProcess> processes) {
		List<JsonNode> reports = processes.stream().map((process) -> {
			process.send("report");
			return process.next("report", Duration.ofMinutes(1));
		}).toList();
		long count = reports.stream().mapToLong((report) -> report.path("count").asLong()).sum();
		// Per-process percentiles; the worst process is reported.
		double p50 = reports.stream().mapToDouble((report) -> report.path("p50").asDouble()).max().orElse(0);
		double p95 = reports.stream().mapToDouble((report) -> report.path("p95").asDouble()).max().orElse(0);
		double p99 = reports.stream().mapToDouble((report) -> report.path("p99").asDouble()).max().orElse(0);
		double max = reports.stream().mapToDouble((report) -> report.path("max").asDouble()).max().orElse(0);
		System.out.printf("%s: %d deliveries, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, count, p50,
				p95, p99, max);
	}

	private static double epochMillis() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1000.0 + now.getNano() / 1_000_000.0;
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(500);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long residentBytes() throws IOException {
		return Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter((line) -> line.startsWith("VmRSS:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
			.findFirst()
			.orElse(0);
	}

	/**
	 * REST writes on the sending node whose events reach the probe client: the probe's
	 * own habit check-in ({@code habit:updated}) and a message from the probe's coach in
	 * their direct conversation ({@code chat:message}). Latency runs from just before the
	 * request to the event's arrival, so it includes the request, the commit and the
	 * fan-out.
	 */
	private record RestWrites(Http http, String probeToken, String habitId, String coachToken, String chatId) {

		static final List<String> EVENTS = List.of("habit:updated", "chat:message");

		static RestWrites prepare(ConfigurableApplicationContext node, UserView probe, String probeToken) {
			Http http = new Http(ClusterNodes.portOf(node));
			UserView coach = AccountFixtures.create(node.getBean(AccountManagement.class), Role.COACH);
			CoachingFixtures.connect(node, coach, probe);
			String coachToken = http.login(coach.email(), AccountFixtures.PASSWORD);
			String chatId = created(
					http.post("/api/v1/chats", "{\"kind\":\"direct\",\"userId\":\"" + probe.id() + "\"}")
						.bearer(coachToken)
						.execute());
			String habitId = created(http
				.post("/api/v1/habits",
						"{\"name\":\"Benchmark\",\"startDate\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}")
				.bearer(probeToken)
				.execute());
			return new RestWrites(http, probeToken, habitId, coachToken, chatId);
		}

		/**
		 * One at a time: check in (timed), undo the check-in, post a message (timed).
		 */
		void measure(LoadProcess probe, int count) {
			List<Double> checkIns = new ArrayList<>();
			List<Double> messages = new ArrayList<>();
			List<Double> answers = new ArrayList<>();
			String checkInsPath = "/api/v1/habits/" + this.habitId + "/check-ins";
			for (int i = 0; i < count; i++) {
				double sent = epochMillis();
				String checkIn = created(this.http.post(checkInsPath, "{}").bearer(this.probeToken).execute());
				answers.add(epochMillis() - sent);
				checkIns.add(probe.event("habit:updated", "checked_in") - sent);
				Http.Response undo = this.http.delete(checkInsPath + "/" + checkIn).bearer(this.probeToken).execute();
				if (undo.status() >= 300) {
					throw new IllegalStateException("Undoing the check-in failed: " + undo.body());
				}
				sent = epochMillis();
				created(this.http
					.post("/api/v1/chats/" + this.chatId + "/messages", "{\"text\":\"Benchmark " + i + "\"}")
					.bearer(this.coachToken)
					.execute());
				messages.add(probe.event("chat:message", null) - sent);
			}
			System.out.printf("REST check-in answered (%d): %s%n", count, percentiles(answers));
			System.out.printf("REST check-in -> habit:updated at the client (%d): %s%n", count, percentiles(checkIns));
			System.out.printf("REST chat message -> chat:message at the client (%d): %s%n", count,
					percentiles(messages));
		}

		private static String created(Http.Response response) {
			if (response.status() != 201) {
				throw new IllegalStateException("Expected 201, got " + response.status() + ": " + response.body());
			}
			return response.json().at("/data/id").asString();
		}

	}

	/**
	 * One node process running {@code load.js}.
	 */
	private record LoadProcess(Process process, Writer commands, LinkedBlockingQueue<JsonNode> lines) {

		static LoadProcess start(Map<String, Object> config) throws IOException {
			Process process = new ProcessBuilder("node", "--max-old-space-size=4096", "load.js",
					json.writeValueAsString(config))
				.directory(NodeClient.DIRECTORY.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			LinkedBlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
			Thread reader = new Thread(() -> {
				try (BufferedReader in = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						lines.add(json.readTree(line));
					}
				}
				catch (IOException ex) {
					// The process ended.
				}
			});
			reader.setDaemon(true);
			reader.start();
			return new LoadProcess(process, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
					lines);
		}

		JsonNode next(String type, Duration timeout) {
			try {
				long deadline = System.nanoTime() + timeout.toNanos();
				while (System.nanoTime() < deadline) {
					JsonNode line = this.lines.poll(1, TimeUnit.SECONDS);
					if (line != null && type.equals(line.path("type").asString())) {
						return line;
					}
				}
				throw new IllegalStateException("No " + type + " from the load process within " + timeout);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * When the probe client received the next {@code event} (with {@code change}, if
		 * given), in epoch milliseconds.
		 */
		double event(String event, String change) {
			while (true) {
				JsonNode line = next("event", Duration.ofSeconds(10));
				if (event.equals(line.path("event").asString())
						&& (change == null || change.equals(line.path("change").asString()))) {
					return line.path("at").asDouble();
				}
			}
		}

		void send(String op) {
			try {
				this.commands.write("{\"op\":\"" + op + "\"}\n");
				this.commands.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void close() {
			send("close");
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process.destroyForcibly();
		}

	}

}
