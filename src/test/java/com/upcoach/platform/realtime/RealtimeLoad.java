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
 * events sent through {@link Realtime}: to one user while everyone else is connected, and
 * broadcast to all.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) -Dclients=10000 \
 *     com.upcoach.platform.realtime.RealtimeLoad
 * </pre>
 *
 * {@code -DtwoNodes=true} connects the clients to node B and sends from node A (needs
 * Redis on 127.0.0.1:6379).
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

			long heapBefore = usedHeapAfterGc();
			long rssBefore = residentBytes();
			Instant started = Instant.now();
			List<LoadProcess> processes = new ArrayList<>();
			for (int offset = 0; offset < clients; offset += perProcess) {
				int count = Math.min(perProcess, clients - offset);
				processes.add(LoadProcess.start(Map.of("url", "http://localhost:" + port, "tokens", tokens, "clients",
						count, "concurrency", 50, "probeToken", (offset == 0) ? probeToken : tokens.get(0))));
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
			for (int i = 0; i < 5; i++) {
				realtime.broadcast("bench:ping", Map.of("sentAt", epochMillis()));
				Thread.sleep(3000);
			}
			report("broadcast to every client (5 events, each to all)", processes);
			processes.forEach(LoadProcess::close);
		}
		System.exit(0);
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
