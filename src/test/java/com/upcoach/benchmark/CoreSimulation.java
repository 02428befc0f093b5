package com.upcoach.benchmark;

import java.time.Duration;
import java.util.UUID;

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
 * Coaching core load test, closed model: {@code concurrency} clients, each sending its
 * next request as soon as the previous one answers. One scenario per run:
 * <ul>
 * <li>{@code checkin}: every client is a member of its own (registered at the start),
 * with a numeric habit, and records quick increments in a loop ({@code POST
 * /api/v1/habits/{id}/check-ins} with {@code increment: true}): each one updates the
 * day's check-in, recomputes streaks and strength, takes the member's change sequence and
 * publishes a durable event that gamification and goals consume.</li>
 * <li>{@code progress}: every client reads the demo member's dashboard
 * ({@code GET /api/v1/progress}) in a loop: four months of seeded check-ins, goals, tasks
 * and mood.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -B gatling:test -Dgatling.simulationClass=com.upcoach.benchmark.CoreSimulation \
 *     -Dbase.url=http://localhost:8080 -Dscenario=checkin -Dconcurrency=8 -Dduration.sec=30
 * </pre>
 *
 * See docs/benchmarks/core.md.
 */
public class CoreSimulation extends Simulation {

	private static final String BASE_URL = System.getProperty("base.url", "http://localhost:8080");

	private static final String SCENARIO = System.getProperty("scenario", "checkin");

	private static final int CONCURRENCY = Integer.getInteger("concurrency", 8);

	private static final int DURATION_SEC = Integer.getInteger("duration.sec", 30);

	private static final String EMAIL = System.getProperty("login.email", "member@demo.upcoach.local");

	private static final String PASSWORD = System.getProperty("login.password", "upcoach-demo-2026");

	private static final int LOOP = 1_000_000;

	private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.userAgentHeader("UpCoach benchmark")
		.disableCaching()
		.warmUp(BASE_URL + "/actuator/health/liveness")
		.shareConnections();

	public CoreSimulation() {
		setUp(selectedScenario()
			.injectClosed(constantConcurrentUsers(CONCURRENCY).during(Duration.ofSeconds(DURATION_SEC))))
			.protocols(this.protocol)
			.maxDuration(Duration.ofSeconds(DURATION_SEC + 30L))
			.assertions(global().failedRequests().percent().lt(1.0));
	}

	private static ScenarioBuilder selectedScenario() {
		return switch (SCENARIO) {
			case "checkin" -> scenario("checkin").exec(newMemberWithAHabit())
				.exitHereIfFailed()
				.exec(repeat(LOOP)
					.on(http("POST /api/v1/habits/{id}/check-ins").post("/api/v1/habits/#{habitId}/check-ins")
						.header("Authorization", "Bearer #{accessToken}")
						.body(StringBody("{\"value\":1,\"increment\":true}"))
						.check(status().in(200, 201), jsonPath("$.success").ofBoolean().is(true))));
			case "progress" -> scenario("progress").exec(login(EMAIL, PASSWORD))
				.exitHereIfFailed()
				.exec(repeat(LOOP).on(http("GET /api/v1/progress").get("/api/v1/progress")
					.header("Authorization", "Bearer #{accessToken}")
					.check(status().is(200), jsonPath("$.data.habits").exists())));
			default -> throw new IllegalArgumentException("scenario must be checkin or progress: " + SCENARIO);
		};
	}

	private static ChainBuilder newMemberWithAHabit() {
		return exec((session) -> session.set("email", "bench-" + UUID.randomUUID() + "@example.com"))
			.exec(http("setup: register").post("/api/v1/auth/register")
				.body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + PASSWORD
						+ "\",\"name\":\"Bench Member\",\"timeZone\":\"Europe/London\"}"))
				.check(status().is(201)))
			.exec(login("#{email}", PASSWORD))
			.exec(http("setup: habit").post("/api/v1/habits")
				.header("Authorization", "Bearer #{accessToken}")
				.body(StringBody("{\"name\":\"Drink water\",\"kind\":\"numeric\",\"unit\":\"glasses\","
						+ "\"target\":8,\"targetType\":\"at_least\"}"))
				.check(status().is(201), jsonPath("$.data.id").saveAs("habitId")));
	}

	private static ChainBuilder login(String email, String password) {
		return exec(http("setup: login").post("/api/v1/auth/login")
			.body(StringBody("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
			.check(status().is(200), jsonPath("$.data.accessToken").saveAs("accessToken")));
	}

}
