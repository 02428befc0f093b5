package com.upcoach.habits;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.StatementCounter;
import com.upcoach.coaching.RiskSignal;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.DemoAccountCreated;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionOperations;

import static com.upcoach.habits.HabitFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What other modules read: today's habits and completion by day in a fixed number of
 * statements, the coach's risk signals, and the demo member's habits.
 */
@IntegrationTest
@Import(HabitTestConfiguration.class)
class HabitReadsIT {

	private static final String BERLIN = "Europe/Berlin";

	// A Saturday.
	private static final LocalDate TODAY = LocalDate.of(2026, 5, 16);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	HabitTestConfiguration.FixedClock clock;

	@Autowired
	HabitManagement habits;

	@Autowired
	HabitRiskSignals signals;

	@Autowired
	HabitDemoData demo;

	@Autowired
	TransactionOperations transactions;

	HabitFixtures me;

	UserId user;

	@BeforeEach
	void signIn() {
		this.me = HabitFixtures.user(new Http(this.port), this.accounts);
		this.user = new UserId(this.me.user.id());
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void shouldListTodaysDueHabitsWithStateValueStreakAndGroup() {
		this.clock.set(at(TODAY, 12, 0, BERLIN));
		String group = this.me.post("/api/v1/habit-groups", "{\"name\":\"Body\"}").json().at("/data/id").asString();
		String meditate = this.me.habit("{\"name\":\"Meditate\",\"startDate\":\"" + TODAY.minusDays(2) + "\"}");
		String water = this.me.habit("{\"name\":\"Water\",\"kind\":\"numeric\",\"target\":8,\"groupId\":\"" + group
				+ "\",\"startDate\":\"" + TODAY.minusDays(2) + "\"}");
		this.me.habit("{\"name\":\"Work out\",\"schedule\":{\"type\":\"weekdays\",\"days\":[\"monday\"]}}");
		String read = this.me.habit("{\"name\":\"Read\",\"startDate\":\"" + TODAY.minusDays(2) + "\"}");
		this.me.checkIn(meditate, "{\"date\":\"" + TODAY.minusDays(1) + "\"}");
		this.me.checkIn(meditate, "{}");
		this.me.checkIn(water, "{\"value\":3}");
		this.me.checkIn(read, "{\"skipped\":true}");
		List<HabitDay> today = this.habits.today(this.user);
		assertThat(today).extracting(HabitDay::name).containsExactly("Meditate", "Water", "Read");
		// Skipped today: still listed (so an app can undo it), no longer expected.
		assertThat(today.get(2).state()).isEqualTo("skipped");
		assertThat(today.get(0).state()).isEqualTo("done");
		assertThat(today.get(0).currentStreak()).isEqualTo(2);
		assertThat(today.get(1).state()).isEqualTo("partial");
		assertThat(today.get(1).value()).isEqualByComparingTo("3");
		assertThat(today.get(1).groupName()).isEqualTo("Body");
	}

	@Test
	void shouldGiveTheShareOfDueHabitsDonePerDay() {
		this.clock.set(at(TODAY, 12, 0, BERLIN));
		String a = this.me.habit("{\"name\":\"A\",\"startDate\":\"" + TODAY.minusDays(2) + "\"}");
		String b = this.me.habit("{\"name\":\"B\",\"startDate\":\"" + TODAY.minusDays(2) + "\"}");
		this.me.checkIn(a, "{\"date\":\"" + TODAY.minusDays(2) + "\"}");
		this.me.checkIn(b, "{\"date\":\"" + TODAY.minusDays(2) + "\"}");
		this.me.checkIn(a, "{\"date\":\"" + TODAY.minusDays(1) + "\"}");
		this.me.checkIn(b, "{\"date\":\"" + TODAY.minusDays(1) + "\",\"skipped\":true}");
		Map<LocalDate, Double> shares = this.habits.completionByDay(this.user, TODAY.minusDays(5), TODAY);
		assertThat(shares).containsEntry(TODAY.minusDays(2), 1.0)
			.containsEntry(TODAY.minusDays(1), 1.0)
			.containsEntry(TODAY, 0.0)
			.doesNotContainKey(TODAY.minusDays(3));
	}

	@Test
	void shouldReadTodayAndCompletionInAFixedNumberOfStatementsWhateverTheNumberOfHabits() {
		this.clock.set(at(TODAY, 12, 0, BERLIN));
		addHabitsWithCheckIns(2);
		int fewToday = StatementCounter.count(() -> this.habits.today(this.user)).statements();
		int fewCompletion = StatementCounter
			.count(() -> this.habits.completionByDay(this.user, TODAY.minusDays(30), TODAY))
			.statements();
		addHabitsWithCheckIns(10);
		StatementCounter.Counted<List<HabitDay>> manyToday = StatementCounter.count(() -> this.habits.today(this.user));
		assertThat(manyToday.result()).hasSize(12);
		int manyCompletion = StatementCounter
			.count(() -> this.habits.completionByDay(this.user, TODAY.minusDays(30), TODAY))
			.statements();
		assertThat(manyToday.statements()).isEqualTo(fewToday).isLessThanOrEqualTo(6);
		assertThat(manyCompletion).isEqualTo(fewCompletion).isLessThanOrEqualTo(6);
	}

	@Test
	void shouldSignalMissedDaysAndFallingStrengthToACoach() {
		LocalDate start = TODAY.minusDays(40);
		String habit = null;
		for (int ago = 40; ago >= 0; ago--) {
			this.clock.set(at(TODAY.minusDays(ago), 20, 0, BERLIN));
			if (habit == null) {
				habit = this.me.habit("{\"name\":\"Meditate\",\"startDate\":\"" + start + "\"}");
			}
			if (ago > 7) {
				this.me.checkIn(habit, "{}");
			}
		}
		List<RiskSignal> found = this.signals.signals(this.user, TODAY);
		assertThat(found).extracting(RiskSignal::code)
			.containsExactlyInAnyOrder("habit_strength_falling", "missed_days");
		assertThat(found).filteredOn((signal) -> signal.code().equals("missed_days"))
			.extracting(RiskSignal::message)
			.containsExactly("Missed 'Meditate' on the last 7 due days");
		this.me.checkIn(habit, "{}");
		this.clock.set(at(TODAY.plusDays(1), 20, 0, BERLIN));
		assertThat(this.signals.signals(this.user, TODAY.plusDays(1))).extracting(RiskSignal::code)
			.doesNotContain("missed_days");
	}

	@Test
	void shouldSeedTheDemoMemberWithFiveHabitsInTwoGroupsOnce() {
		Http http = new Http(this.port);
		String token = http.login("member@demo.upcoach.local", "upcoach-demo-2026");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get("/api/v1/habits")
				.bearer(token)
				.execute()
				.json()
				.at("/pagination/totalElements")
				.asInt() == 5);
		Http.Response list = http.get("/api/v1/habits").bearer(token).execute();
		assertThat(
				http.get("/api/v1/habit-groups").bearer(token).execute().json().at("/pagination/totalElements").asInt())
			.isEqualTo(2);
		String meditate = list.json().at("/data/0/id").asString();
		Http.Response checkIns = http.get("/api/v1/habits/" + meditate + "/check-ins").bearer(token).execute();
		assertThat(checkIns.json().at("/pagination/totalElements").asInt()).isGreaterThan(60);
		Http.Response stats = http.get("/api/v1/habits/" + meditate + "/stats").bearer(token).execute();
		assertThat(stats.json().at("/data/strength").asDouble()).isGreaterThan(30);
		assertThat(stats.json().at("/data/heatMap").toString()).contains("paused", "skipped", "missed", "done");
		java.util.UUID member = java.util.UUID
			.fromString(http.get("/api/v1/users/me").bearer(token).execute().json().at("/data/id").asString());
		this.transactions.executeWithoutResult(
				(status) -> this.demo.on(new DemoAccountCreated(member, "member@demo.upcoach.local", "user")));
		assertThat(http.get("/api/v1/habits").bearer(token).execute().json().at("/pagination/totalElements").asInt())
			.isEqualTo(5);
	}

	private void addHabitsWithCheckIns(int count) {
		for (int i = 0; i < count; i++) {
			String habit = this.me.habit("{\"name\":\"H" + i + "\",\"startDate\":\"" + TODAY.minusDays(5) + "\"}");
			this.me.checkIn(habit, "{\"date\":\"" + TODAY.minusDays(1) + "\"}");
		}
	}

}
