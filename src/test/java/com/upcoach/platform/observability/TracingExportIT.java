package com.upcoach.platform.observability;

import java.util.concurrent.TimeUnit;

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

	static final RecordingHttpServer collector = new RecordingHttpServer();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void otlpEndpoint(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> collector.url("/v1/traces"));
		registry.add("management.tracing.sampling.probability", () -> "1.0");
		registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
	}

	@AfterAll
	static void stopCollector() {
		collector.stop();
	}

	@Test
	void shouldExportRequestSpansToTheConfiguredCollector() {
		new Http(this.port).get("/api/v1/openapi.json").execute();
		await().atMost(20, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(collector.requests()).anyMatch(
					(body) -> body.contains("/v1/traces") && body.contains("http get") && body.contains("upcoach")));
	}

}
