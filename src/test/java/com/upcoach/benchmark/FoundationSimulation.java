package com.upcoach.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Foundation load test: liveness probe and the signed-in profile, driven concurrently
 * with an open workload model. Each virtual user sends one request, so
 * {@code users.per.sec} is the total request rate, split evenly between the two
 * endpoints. The member signs in once, before the load starts, so the run measures JWT
 * verification rather than password hashing.
 *
 * <pre>
 * ./mvnw -B gatling:test -Dgatling.simulationClass=com.upcoach.benchmark.FoundationSimulation \
 *     -Dbase.url=http://localhost:8080 -Dusers.per.sec=200 -Dduration.sec=60 -Dramp.sec=5
 * </pre>
 *
 * Public, unlike the project's other classes: Gatling instantiates simulations through
 * their public no-argument constructor. See docs/benchmarks/foundation.md.
 */
public class FoundationSimulation extends Simulation {

	private static final String BASE_URL = System.getProperty("base.url", "http://localhost:8080");

	private static final double USERS_PER_SEC = Double.parseDouble(System.getProperty("users.per.sec", "200"));

	private static final int DURATION_SEC = Integer.getInteger("duration.sec", 60);

	private static final int RAMP_SEC = Integer.getInteger("ramp.sec", 5);

	private static final String EMAIL = System.getProperty("login.email", "member@demo.upcoach.local");

	private static final String PASSWORD = System.getProperty("login.password", "upcoach-demo-2026");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private volatile String accessToken;

	// Keep-alive connections shared by all users, as behind a proxy: one connection
	// per user would run out of ephemeral ports. The warm-up stays on loopback.
	private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.warmUp(BASE_URL + "/actuator/health/liveness")
		.shareConnections();

	private final ScenarioBuilder liveness = scenario("liveness")
		.exec(http("GET /actuator/health/liveness").get("/actuator/health/liveness")
			.check(status().is(200), jsonPath("$.status").is("UP")));

	private final ScenarioBuilder profile = scenario("profile")
		.exec(http("GET /api/v1/users/me").get("/api/v1/users/me")
			.header("Authorization", (session) -> "Bearer " + this.accessToken)
			.check(status().is(200), jsonPath("$.success").ofBoolean().is(true)));

	public FoundationSimulation() {
		setUp(this.liveness.injectOpen(load(USERS_PER_SEC / 2)), this.profile.injectOpen(load(USERS_PER_SEC / 2)))
			.protocols(this.protocol)
			.assertions(global().responseTime().percentile(95.0).lt(200), global().failedRequests().percent().lt(1.0));
	}

	private static OpenInjectionStep[] load(double usersPerSec) {
		if (RAMP_SEC <= 0) {
			return new OpenInjectionStep[] { constantUsersPerSec(usersPerSec).during(DURATION_SEC) };
		}
		return new OpenInjectionStep[] { rampUsersPerSec(1).to(usersPerSec).during(RAMP_SEC),
				constantUsersPerSec(usersPerSec).during(DURATION_SEC) };
	}

	@Override
	public void before() {
		String body = JSON.createObjectNode().put("email", EMAIL).put("password", PASSWORD).toString();
		HttpRequest login = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/auth/login"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(login, HttpResponse.BodyHandlers.ofString());
			JsonNode token = JSON.readTree(response.body()).path("data").path("accessToken");
			if (response.statusCode() != 200 || !token.isString()) {
				throw new IllegalStateException("Sign-in failed: " + response.statusCode() + " " + response.body());
			}
			this.accessToken = token.asString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while signing in", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not reach " + BASE_URL, ex);
		}
	}

}
