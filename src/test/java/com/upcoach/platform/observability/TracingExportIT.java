package com.upcoach.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With an OTLP endpoint configured, request spans are exported: a local HTTP server
 * stands in for the OpenTelemetry collector.
 */
@IntegrationTest
class TracingExportIT {

	static final CopyOnWriteArrayList<String> exports = new CopyOnWriteArrayList<>();

	static final HttpServer collector = startCollector();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void otlpEndpoint(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
				() -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
		registry.add("management.tracing.sampling.probability", () -> "1.0");
		registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
	}

	@AfterAll
	static void stopCollector() {
		collector.stop(0);
	}

	@Test
	void shouldExportRequestSpansToTheConfiguredCollector() {
		new Http(this.port).get("/api/v1/openapi.json").execute();
		await().atMost(20, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(exports).anyMatch(
					(body) -> body.contains("/v1/traces") && body.contains("http get") && body.contains("upcoach")));
	}

	private static HttpServer startCollector() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				exports.add(exchange.getRequestURI().getPath() + " "
						+ new String(body, java.nio.charset.StandardCharsets.ISO_8859_1));
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
