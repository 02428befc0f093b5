package com.upcoach.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

import com.upcoach.Browser;
import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.coaching.CoachingManagement;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screenshots of the member app's main screens at a phone's and a desktop's width, into
 * the folder {@code UPCOACH_SCREENSHOTS} names (the docs keep theirs in
 * {@code docs/screenshots}); skipped without it:
 *
 * <pre>
 * UPCOACH_SCREENSHOTS=docs/screenshots UPCOACH_TEST_BROWSER=required ./mvnw verify \
 *     -Dit.test=ScreenshotsIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@IntegrationTest
@ExtendWith(Browser.class)
@EnabledIfEnvironmentVariable(named = "UPCOACH_SCREENSHOTS", matches = ".+")
class ScreenshotsIT {

	private static final Map<String, int[]> WIDTHS = Map.of("mobile", new int[] { 390, 844 }, "desktop",
			new int[] { 1280, 900 });

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	@Test
	void shouldTakeTheMainScreensAtAPhonesAndADesktopsWidth(Page page) {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		Http http = new Http(this.port);
		String token = http.login(member.email(), AccountFixtures.PASSWORD);
		String habit = seed(http, token);
		String chat = conversation(http, token, member);
		Path folder = Path.of(System.getenv("UPCOACH_SCREENSHOTS"));
		Map<String, String> screens = Map.ofEntries(Map.entry("today", "/app/"), Map.entry("habits", "/app/habits"),
				Map.entry("habit", "/app/habits/" + habit), Map.entry("goals", "/app/goals"),
				Map.entry("tasks", "/app/tasks"), Map.entry("mood", "/app/mood"), Map.entry("journal", "/app/journal"),
				Map.entry("settings", "/app/settings"), Map.entry("coach", "/app/coaching"),
				Map.entry("chat", "/app/chat"), Map.entry("conversation", "/app/chat/" + chat));
		WIDTHS.forEach((device, size) -> {
			try (BrowserContext context = page.context()
				.browser()
				.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(size[0], size[1])
					.setLocale("en-GB"))) {
				Page screen = context.newPage();
				AppPages.signIn(screen, this.port, member.email());
				screens.forEach((name, path) -> {
					screen.navigate("http://localhost:" + this.port + path);
					screen.waitForLoadState();
					screen.waitForTimeout(300);
					screen.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + "-" + device + ".png"))
						.setFullPage(true));
				});
			}
		});
		assertThat(folder.resolve("today-mobile.png")).exists();
	}

	/** A member a week into using the app. */
	private static String seed(Http http, String token) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String meditate = id(http
			.post("/api/v1/habits",
					"{\"name\":\"Meditate\",\"icon\":\"🧘\",\"startDate\":\"" + today.minusDays(7)
							+ "\",\"reminders\":[\"07:30\"]}")
			.bearer(token)
			.execute());
		String water = id(http
			.post("/api/v1/habits",
					"{\"name\":\"Drink water\",\"icon\":\"💧\",\"kind\":\"numeric\","
							+ "\"unit\":\"glasses\",\"target\":8,\"startDate\":\"" + today.minusDays(7) + "\"}")
			.bearer(token)
			.execute());
		for (int ago = 7; ago >= 1; ago--) {
			if (ago != 4) {
				http.post("/api/v1/habits/" + meditate + "/check-ins", "{\"date\":\"" + today.minusDays(ago) + "\"}")
					.bearer(token)
					.execute();
			}
			http.post("/api/v1/habits/" + water + "/check-ins",
					"{\"date\":\"" + today.minusDays(ago) + "\",\"value\":" + (4 + ago % 5) + "}")
				.bearer(token)
				.execute();
		}
		String goal = id(http
			.post("/api/v1/goals",
					"{\"title\":\"Run 5 km without stopping\",\"targetDate\":\"" + today.plusMonths(3) + "\"}")
			.bearer(token)
			.execute());
		for (String step : List.of("Run 2 km", "Run 3 km", "Run 5 km")) {
			http.post("/api/v1/goals/" + goal + "/milestones", "{\"title\":\"" + step + "\"}").bearer(token).execute();
		}
		http.post("/api/v1/tasks", "{\"title\":\"Book a physio appointment\",\"dueDate\":\"" + today + "\"}")
			.bearer(token)
			.execute();
		for (int score : new int[] { 3, 4, 3, 4, 5 }) {
			http.post("/api/v1/mood-logs", "{\"score\":" + score + ",\"tags\":[\"sleep\"]}").bearer(token).execute();
		}
		http.post("/api/v1/journal-entries",
				"{\"title\":\"A good week\",\"body\":\"Meditated six days out of seven. Water is still hard.\"}")
			.bearer(token)
			.execute();
		return meditate;
	}

	/** A few messages with the member's coach. */
	private String conversation(Http http, String token, UserView member) {
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		CoachingFixtures.connect(this.coaching, coach, member, SharedArea.HABITS);
		String coachToken = http.login(coach.email(), AccountFixtures.PASSWORD);
		String chat = id(http.post("/api/v1/chats", "{\"kind\":\"direct\",\"userId\":\"" + member.id() + "\"}")
			.bearer(coachToken)
			.execute());
		List<String[]> lines = List.of(new String[] { coachToken, "How did the week go?" },
				new String[] { token, "Meditated six days out of seven!" },
				new String[] { coachToken, "That is great. What made the seventh hard?" },
				new String[] { token, "A late night on Thursday. I will try the morning slot." });
		for (String[] line : lines) {
			http.post("/api/v1/chats/" + chat + "/messages", "{\"text\":\"" + line[1] + "\"}")
				.bearer(line[0])
				.execute();
		}
		return chat;
	}

	private static String id(Http.Response response) {
		return response.json().at("/data/id").asString();
	}

}
