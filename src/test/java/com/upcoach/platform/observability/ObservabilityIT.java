package com.upcoach.platform.observability;

import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import io.sentry.Sentry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.TestStack;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldAnswerLivenessAndReadinessProbes() {
		Http.Response liveness = this.http.get("/actuator/health/liveness").execute();
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/health/readiness").execute().status()).isEqualTo(200);
	}

	@Test
	void shouldCheckTheDatabaseAndRedisWhenReady() {
		JsonNode readiness = this.http.get("/actuator/health/readiness").bearer(adminToken()).execute().json();
		assertThat(readiness.at("/components/db/status").asString()).isEqualTo("UP");
		if (TestStack.isPostgres()) {
			assertThat(readiness.at("/components/redis/status").asString()).isEqualTo("UP");
			assertThat(readiness.at("/components/db/details/database").asString()).isEqualTo("PostgreSQL");
		}
		else {
			assertThat(readiness.at("/components/redis").isMissingNode()).isTrue();
		}
	}

	@Test
	void shouldPublishLatencyHistogramsPerRouteAndPoolMetrics() {
		String token = adminToken();
		for (int i = 0; i < 3; i++) {
			this.http.get("/api/v1/users/me").bearer(token).execute();
		}
		String basic = Base64.getEncoder().encodeToString("prometheus:scrape-secret".getBytes());
		String metrics = this.http.get("/actuator/prometheus")
			.header("Authorization", "Basic " + basic)
			.execute()
			.body();
		assertThat(metrics)
			.containsPattern(
					"http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/users/me\"[^}]*le=\"0.2\"\\} \\d")
			.containsPattern(
					"http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/users/me\"[^}]*le=\"\\+Inf\"\\} \\d+")
			.contains("hikaricp_connections_active", "hikaricp_connections_max", "jvm_memory_used_bytes",
					"jvm_threads_live_threads")
			.containsPattern("cache_gets_total\\{[^}]*cache=\"user-profiles\"");
	}

	@Test
	void shouldWriteStructuredJsonLogs(CapturedOutput output) {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String token = this.http.login(member.email(), AccountFixtures.PASSWORD);
		this.http.get("/api/v1/users/me").header("X-Request-Id", "json-log-check").bearer(token).execute();
		List<String> lines = Stream.of(output.getOut().split("\\R"))
			.filter((line) -> line.contains("json-log-check"))
			.toList();
		assertThat(lines).isNotEmpty();
		JsonNode line = JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
		assertThat(line.get("level").asString()).isEqualTo("INFO");
		assertThat(line.get("logger_name").asString()).isEqualTo("upcoach.access");
		assertThat(line.get("requestId").asString()).isEqualTo("json-log-check");
		assertThat(line.get("userId").asString()).isEqualTo(member.id().toString());
		assertThat(line.has("@timestamp")).isTrue();
	}

	@Test
	void shouldLeaveHealthProbesOutOfTheAccessLog(CapturedOutput output) {
		this.http.get("/actuator/health/liveness").header("X-Request-Id", "probe-quiet").execute();
		assertThat(output.getOut()).doesNotContain("probe-quiet");
	}

	@Test
	void shouldLeaveSentryOffWithoutADsn() {
		assertThat(Sentry.isEnabled()).isFalse();
	}

	private String adminToken() {
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		return this.http.login(admin.email(), AccountFixtures.PASSWORD);
	}

}
