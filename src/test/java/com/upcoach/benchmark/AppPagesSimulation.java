package com.upcoach.benchmark;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * How fast the member app's screens are rendered on the server, for the demo member
 * started with a year of habit history ({@code --upcoach.demo.habit-history-days=365}):
 * each client signs in through the sign-in page once, then loads Today, Habits, a habit's
 * page (heat map, strength, best streaks), Goals, Tasks, Mood, the Journal, Chat and the
 * conversation with the demo coach in a loop.
 *
 * <pre>
 * ./mvnw -B gatling:test -Dgatling.simulationClass=com.upcoach.benchmark.AppPagesSimulation \
 *     -Dbase.url=http://localhost:8080 -Dconcurrency=1 -Dduration.sec=30
 * </pre>
 *
 * See docs/benchmarks/web.md.
 */
public class AppPagesSimulation extends Simulation {

	private static final String BASE_URL = System.getProperty("base.url", "http://localhost:8080");

	private static final int CONCURRENCY = Integer.getInteger("concurrency", 1);

	private static final int DURATION_SEC = Integer.getInteger("duration.sec", 30);

	private static final String EMAIL = System.getProperty("login.email", "member@demo.upcoach.local");

	private static final String PASSWORD = System.getProperty("login.password", "upcoach-demo-2026");

	private static final int LOOP = 1_000_000;

	private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("text/html")
		.userAgentHeader("UpCoach benchmark")
		.disableCaching()
		.warmUp(BASE_URL + "/actuator/health/liveness");

	public AppPagesSimulation() {
		ScenarioBuilder pages = scenario("app pages").exec(signIn())
			.exitHereIfFailed()
			.exec(http("GET /app/habits (find a habit)").get("/app/habits")
				.check(status().is(200), regex("href=\"/app/habits/([0-9a-f-]{36})\"").saveAs("habitId")))
			.exec(http("GET /app/chat (find the conversation)").get("/app/chat")
				.check(status().is(200), regex("href=\"/app/chat/([0-9a-f-]{36})\"").saveAs("chatId")))
			.exec(repeat(LOOP).on(page("/app/", "Today"), page("/app/habits", "Habits"),
					page("/app/habits/#{habitId}", "Best streaks"), page("/app/goals", "Goals"),
					page("/app/tasks", "Tasks"), page("/app/mood", "Mood"), page("/app/journal", "Journal"),
					page("/app/chat", "conversation-title"), page("/app/chat/#{chatId}", "message-text")));
		setUp(pages.injectClosed(constantConcurrentUsers(CONCURRENCY).during(Duration.ofSeconds(DURATION_SEC))))
			.protocols(this.protocol)
			.maxDuration(Duration.ofSeconds(DURATION_SEC + 30L))
			.assertions(global().failedRequests().percent().lt(1.0));
	}

	private static ChainBuilder signIn() {
		return exec(http("setup: sign-in page").get("/login")
			.check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
			.exec(http("setup: sign in").post("/login")
				.formParam("email", EMAIL)
				.formParam("password", PASSWORD)
				.formParam("_csrf", "#{csrf}")
				.check(status().is(200), regex("<h1>Today</h1>").exists()));
	}

	private static ChainBuilder page(String path, String text) {
		String name = "GET " + path.replace("#{habitId}", "{id}").replace("#{chatId}", "{id}");
		return exec(http(name).get(path).check(status().is(200), regex(text).exists()));
	}

}
