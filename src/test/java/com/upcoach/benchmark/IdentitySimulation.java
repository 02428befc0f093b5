package com.upcoach.benchmark;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Identity load test with a closed workload model: {@code concurrency} clients, each
 * sending its next request as soon as the previous one answers, for {@code duration.sec}.
 * So the figures are the throughput the app sustains and the latency at that concurrency.
 * One of three scenarios per run ({@code scenario}):
 * <ul>
 * <li>{@code login}: {@code POST /api/v1/auth/login} with the demo member's password, one
 * Argon2id verification each;</li>
 * <li>{@code refresh}: each client signs in once, then rotates its refresh token in a
 * loop ({@code POST /api/v1/auth/refresh});</li>
 * <li>{@code verify}: each client signs in once, then calls {@code GET /api/v1/users/me}
 * in a loop, which is RS256 signature, revocation and session checks per request.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -B gatling:test -Dgatling.simulationClass=com.upcoach.benchmark.IdentitySimulation \
 *     -Dbase.url=http://localhost:8080 -Dscenario=login -Dconcurrency=4 -Dduration.sec=30
 * </pre>
 *
 * The app must run with raised authentication rate limits (see
 * docs/benchmarks/identity.md). Public: Gatling instantiates simulations through their
 * public no-argument constructor.
 */
public class IdentitySimulation extends Simulation {

	private static final String BASE_URL = System.getProperty("base.url", "http://localhost:8080");

	private static final String SCENARIO = System.getProperty("scenario", "login");

	private static final int CONCURRENCY = Integer.getInteger("concurrency", 4);

	private static final int DURATION_SEC = Integer.getInteger("duration.sec", 30);

	private static final String EMAIL = System.getProperty("login.email", "member@demo.upcoach.local");

	private static final String PASSWORD = System.getProperty("login.password", "upcoach-demo-2026");

	/** Far more iterations than a run can finish: the duration ends each client. */
	private static final int LOOP = 1_000_000;

	private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.userAgentHeader("UpCoach benchmark")
		// Each request must be answered in full: with caching, the profile's ETag turns
		// repeated reads into 304s.
		.disableCaching()
		.warmUp(BASE_URL + "/actuator/health/liveness")
		.shareConnections();

	public IdentitySimulation() {
		setUp(selectedScenario()
			.injectClosed(constantConcurrentUsers(CONCURRENCY).during(Duration.ofSeconds(DURATION_SEC))))
			.protocols(this.protocol)
			.maxDuration(Duration.ofSeconds(DURATION_SEC + 30L))
			.assertions(global().failedRequests().percent().lt(1.0));
	}

	private static ScenarioBuilder selectedScenario() {
		return switch (SCENARIO) {
			case "login" -> scenario("login").exec(repeat(LOOP).on(login()));
			case "refresh" -> scenario("refresh").exec(login())
				.exitHereIfFailed()
				.exec(repeat(LOOP).on(http("POST /api/v1/auth/refresh").post("/api/v1/auth/refresh")
					.body(StringBody("{\"refreshToken\":\"#{refreshToken}\"}"))
					.check(status().is(200), jsonPath("$.data.refreshToken").saveAs("refreshToken"))));
			case "verify" -> scenario("verify").exec(login())
				.exitHereIfFailed()
				.exec(repeat(LOOP).on(http("GET /api/v1/users/me").get("/api/v1/users/me")
					.header("Authorization", "Bearer #{accessToken}")
					.check(status().is(200), jsonPath("$.success").ofBoolean().is(true))));
			default -> throw new IllegalArgumentException("scenario must be login, refresh or verify: " + SCENARIO);
		};
	}

	private static ChainBuilder login() {
		return exec(http("POST /api/v1/auth/login").post("/api/v1/auth/login")
			.body(StringBody("{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}"))
			.check(status().is(200), jsonPath("$.data.accessToken").saveAs("accessToken"),
					jsonPath("$.data.refreshToken").saveAs("refreshToken")));
	}

}
