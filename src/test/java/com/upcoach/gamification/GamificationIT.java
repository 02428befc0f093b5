package com.upcoach.gamification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.goals.GoalCompleted;
import com.upcoach.goals.MilestoneReached;
import com.upcoach.habits.HabitCheckedIn;
import com.upcoach.habits.HabitUpdated;
import com.upcoach.habits.StreakFreezeWallet;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import com.upcoach.tasks.TaskCompleted;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishes the real events of the habits, goals and tasks modules, as their facades do
 * (inside a transaction: module listeners run after commit), and checks what a user sees
 * through the API.
 */
@IntegrationTest
@Import(GamificationTestConfiguration.class)
class GamificationIT {

	// Europe/Berlin, the zone of AccountFixtures' accounts: 2026-10-25 has 25 hours.
	private static final Instant OCT_25_00_30_CEST = Instant.parse("2026-10-24T22:30:00Z");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	StreakFreezeWallet wallet;

	@Autowired
	GamificationManagement gamification;

	@Autowired
	GamificationTestConfiguration.SettableClock clock;

	@Autowired
	GamificationTestConfiguration.AnnouncedAchievements announced;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void shouldEarnPointsForACompletedDayAndRiseALevelWithACompletedGoal() {
		Member member = member();
		UUID habit = UUID.randomUUID();
		publish(checkIn(member, habit, LocalDate.parse("2026-06-10"), 1, Instant.parse("2026-06-10T07:00:00Z")));
		settle(member);

		JsonNode level = member.level();
		assertThat(level.at("/points").asLong()).isEqualTo(15); // 10 + 5 for "first step"
		assertThat(level.at("/level").asInt()).isEqualTo(1);
		assertThat(level.at("/pointsIntoLevel").asLong()).isEqualTo(15);
		assertThat(level.at("/pointsToNextLevel").asLong()).isEqualTo(85);

		publish(new GoalCompleted(member.id(), UUID.randomUUID(), "Run a 10k", Instant.parse("2026-06-11T18:00:00Z")));
		settle(member);

		level = member.level();
		// + 100 for the goal, + 25 for "goal getter"
		assertThat(level.at("/points").asLong()).isEqualTo(140);
		assertThat(level.at("/level").asInt()).isEqualTo(2);
		assertThat(level.at("/levelStartsAt").asLong()).isEqualTo(100);
		assertThat(level.at("/nextLevelAt").asLong()).isEqualTo(300);
		assertThat(level.at("/pointsIntoLevel").asLong()).isEqualTo(40);
		assertThat(level.at("/pointsToNextLevel").asLong()).isEqualTo(160);

		JsonNode ledger = member.get("/api/v1/me/points").json();
		List<Instant> times = ledger.at("/data")
			.valueStream()
			.map((entry) -> Instant.parse(entry.at("/occurredAt").asString()))
			.toList();
		assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(ledger.at("/data").valueStream().map((entry) -> entry.at("/reason").asString()))
			.contains("Completed the goal \"Run a 10k\"", "Completed a habit on 2026-06-10", "Unlocked \"First step\"");
		assertThat(ledger.at("/data").valueStream().map((entry) -> entry.at("/source").asString()))
			.contains("check_in:" + habit + ":2026-06-10", "achievement:first_check_in");
		assertThat(ledger.at("/pagination/totalElements").asLong()).isEqualTo(4);
	}

	@Test
	void shouldNotAwardTwiceWhenTheSameEventsArePublishedAgain() {
		Member member = member();
		HabitCheckedIn checkIn = checkIn(member, UUID.randomUUID(), LocalDate.parse("2026-06-10"), 1,
				Instant.parse("2026-06-10T07:00:00Z"));
		TaskCompleted task = new TaskCompleted(member.id(), UUID.randomUUID(), null, LocalDate.parse("2026-06-10"),
				"File taxes", Instant.parse("2026-06-10T09:00:00Z"), Instant.parse("2026-06-01T09:00:00Z"));
		MilestoneReached milestone = new MilestoneReached(member.id(), UUID.randomUUID(), UUID.randomUUID(),
				"First draft", Instant.parse("2026-06-10T10:00:00Z"));
		GoalCompleted goal = new GoalCompleted(member.id(), UUID.randomUUID(), "Write a book",
				Instant.parse("2026-06-10T11:00:00Z"));
		for (int round = 0; round < 3; round++) {
			publish(checkIn);
			publish(task);
			publish(milestone);
			publish(goal);
		}
		settle(member);

		// 10 + 10 + 25 + 100 for the events, 5 + 10 + 25 for the achievements
		assertThat(member.level().at("/points").asLong()).isEqualTo(185);
		assertThat(member.get("/api/v1/me/points").json().at("/pagination/totalElements").asLong()).isEqualTo(7);
		assertThat(this.announced.of(member.id())).extracting(AchievementUnlocked::code)
			.containsExactlyInAnyOrder("first_check_in", "first_milestone", "first_goal");
	}

	@Test
	void shouldTakeBackYesterdaysPointsWhenYesterdaysCheckInIsRemovedToday() {
		Member member = member();
		UUID habit = UUID.randomUUID();
		LocalDate yesterday = LocalDate.parse("2026-06-09");
		publish(checkIn(member, habit, yesterday, 1, Instant.parse("2026-06-09T20:00:00Z")));
		settle(member);
		assertThat(member.level().at("/points").asLong()).isEqualTo(15);

		publish(new HabitUpdated(member.id(), habit, "check_in_removed", 0, 0.0, Instant.parse("2026-06-10T08:00:00Z"),
				yesterday));
		settle(member);

		assertThat(member.level().at("/points").asLong()).isEqualTo(5);
	}

	@Test
	void shouldTakeBackTheDaysPointsWhenItsCheckInIsRemovedAndRestoreThemOnlyOnce() {
		Member member = member();
		UUID habit = UUID.randomUUID();
		LocalDate day = LocalDate.parse("2026-06-10");
		Instant at = Instant.parse("2026-06-10T07:00:00Z");
		publish(checkIn(member, habit, day, 1, at));
		settle(member);
		assertThat(member.level().at("/points").asLong()).isEqualTo(15);

		publish(removed(member, habit, at.plusSeconds(60)));
		settle(member);
		// the achievement's 5 stay
		assertThat(member.level().at("/points").asLong()).isEqualTo(5);

		publish(checkIn(member, habit, day, 1, at.plusSeconds(120)));
		settle(member);
		publish(removed(member, habit, at.plusSeconds(180)));
		settle(member);
		publish(checkIn(member, habit, day, 1, at.plusSeconds(240)));
		settle(member);
		assertThat(member.level().at("/points").asLong()).isEqualTo(15);

		// A republished old check-in changes nothing after its undo.
		publish(removed(member, habit, at.plusSeconds(300)));
		settle(member);
		publish(checkIn(member, habit, day, 1, at.plusSeconds(240)));
		settle(member);
		assertThat(member.level().at("/points").asLong()).isEqualTo(5);

		JsonNode ledger = member.get("/api/v1/me/points?size=100").json().at("/data");
		assertThat(ledger.valueStream().mapToInt((entry) -> entry.at("/points").asInt())).containsExactly(5, -10, 10,
				-10, 10, -10, 10);
		// The achievement's entry is dated when it unlocked (now), so it comes first.
		assertThat(ledger.at("/1/reason").asString()).isEqualTo("Check-in on 2026-06-10 undone");
	}

	@Test
	void shouldTakeBackTheDaysPointsWhenAnEditedCheckInNoLongerCompletesIt() {
		Member member = member();
		UUID habit = UUID.randomUUID();
		LocalDate day = LocalDate.parse("2026-06-10");
		publish(checkIn(member, habit, day, 1, Instant.parse("2026-06-10T07:00:00Z")));
		settle(member);
		publish(new HabitCheckedIn(member.id(), habit, UUID.randomUUID(), day, false, new BigDecimal("2"), 0, 1, 10.0,
				false, Instant.parse("2026-06-10T08:00:00Z")));
		settle(member);

		assertThat(member.level().at("/points").asLong()).isEqualTo(5);
	}

	@Test
	void shouldEarnNothingUntilACheckInCompletesTheDayAndIgnoreAnUndoOlderThanTheLastEdit() {
		Member member = member();
		UUID habit = UUID.randomUUID();
		LocalDate day = LocalDate.parse("2026-06-10");
		publish(new HabitCheckedIn(member.id(), habit, UUID.randomUUID(), day, false, new BigDecimal("3"), 0, 0, 5.0,
				true, Instant.parse("2026-06-10T07:00:00Z")));
		settle(member);
		assertThat(member.level().at("/points").asLong()).isZero();

		publish(checkIn(member, habit, day, 1, Instant.parse("2026-06-10T08:00:00Z")));
		settle(member);
		publish(checkIn(member, habit, day, 1, Instant.parse("2026-06-10T10:00:00Z")));
		settle(member);
		publish(removed(member, habit, Instant.parse("2026-06-10T09:00:00Z")));
		settle(member);

		assertThat(member.level().at("/points").asLong()).isEqualTo(15);
	}

	@Test
	void shouldTakeBackTheRemovedCheckInOfTheUsersLocalDayAroundMidnight() {
		Member member = member();
		UUID habit = UUID.randomUUID();
		// 00:30 in Berlin on 25 October is still 24 October in UTC.
		publish(checkIn(member, habit, LocalDate.parse("2026-10-25"), 1, OCT_25_00_30_CEST));
		publish(checkIn(member, habit, LocalDate.parse("2026-10-24"), 1, OCT_25_00_30_CEST.minusSeconds(3600)));
		settle(member);
		publish(removed(member, habit, OCT_25_00_30_CEST.plusSeconds(60)));
		settle(member);

		JsonNode undone = member.get("/api/v1/me/points")
			.json()
			.at("/data")
			.valueStream()
			.filter((entry) -> entry.at("/points").asInt() < 0)
			.findFirst()
			.orElseThrow();
		assertThat(undone.at("/source").asString()).isEqualTo("check_in:" + habit + ":2026-10-25");
		assertThat(undone.at("/points").asInt()).isEqualTo(-10);
		assertThat(member.level().at("/points").asLong()).isEqualTo(15);
	}

	@Test
	void shouldGiveLessForEachTaskPastTheFifthOfTheUsersLocalDayAcrossTheLongAutumnDay() {
		Member member = member();
		// Twelve tasks from 00:30 CEST to 23:20 CET on the 25-hour 25 October in
		// Berlin; a fixed UTC+2 would put the last one on the 26th.
		for (int i = 0; i < 12; i++) {
			publish(task(member, OCT_25_00_30_CEST.plus(Duration.ofMinutes(i * 130L))));
		}
		// 00:30 CET on the 26th
		publish(task(member, OCT_25_00_30_CEST.plus(Duration.ofHours(25))));
		settle(member);

		// 5 × 10 + 5 × 5 + 2 × 0 on the 25th, 10 on the 26th, 10 for tasks_10
		assertThat(member.level().at("/points").asLong()).isEqualTo(95);
		JsonNode ledger = member.get("/api/v1/me/points?size=100&sort=occurredAt,asc").json().at("/data");
		assertThat(ledger.valueStream()
			.filter((entry) -> entry.at("/kind").asString().equals("task"))
			.filter((entry) -> entry.at("/day").asString().equals("2026-10-25"))).hasSize(12);
		assertThat(ledger.valueStream()
			.filter((entry) -> entry.at("/kind").asString().equals("task"))
			.filter((entry) -> entry.at("/points").asInt() == 0)
			.map((entry) -> entry.at("/reason").asString())).hasSize(2)
			.allMatch((reason) -> reason.endsWith("(no points past the 10th task of a day)"));
		assertThat(ledger.valueStream()
			.filter((entry) -> entry.at("/kind").asString().equals("task"))
			.reduce((first, second) -> second)
			.orElseThrow()
			.at("/day")
			.asString()).isEqualTo("2026-10-26");
	}

	@Test
	void shouldHalveCheckInsPastTheTenthHabitDayOfOneDay() {
		Member member = member();
		for (int i = 0; i < 12; i++) {
			publish(checkIn(member, UUID.randomUUID(), LocalDate.parse("2026-06-10"), 1,
					Instant.parse("2026-06-10T07:00:00Z").plusSeconds(i)));
		}
		settle(member);

		assertThat(member.level().at("/points").asLong()).isEqualTo(10 * 10 + 2 * 5 + 5);
	}

	@Test
	void shouldUnlockAStreakAchievementOnceWithItsTimeAndShowProgressTowardTheNext() {
		Member member = member();
		UUID habit = UUID.randomUUID();
		Instant before = Instant.now();
		for (int streak = 1; streak <= 7; streak++) {
			publish(dayOfStreak(member, habit, LocalDate.parse("2026-06-01"), streak));
			settle(member);
		}
		publish(dayOfStreak(member, habit, LocalDate.parse("2026-06-01"), 7));
		settle(member);

		JsonNode achievements = member.get("/api/v1/me/achievements").json();
		assertThat(achievements.at("/pagination/totalElements").asInt()).isGreaterThanOrEqualTo(10);
		JsonNode streak7 = achievement(achievements, "streak_7");
		assertThat(streak7.at("/unlocked").asBoolean()).isTrue();
		assertThat(Instant.parse(streak7.at("/unlockedAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
		assertThat(streak7.at("/title").asString()).isEqualTo("One week strong");
		assertThat(streak7.at("/icon").asString()).isEqualTo("flame");
		JsonNode streak21 = achievement(achievements, "streak_21");
		assertThat(streak21.at("/unlocked").asBoolean()).isFalse();
		assertThat(streak21.at("/unlockedAt").isNull()).isTrue();
		assertThat(streak21.at("/progress").asLong()).isEqualTo(7);
		assertThat(streak21.at("/target").asLong()).isEqualTo(21);
		assertThat(achievement(achievements, "check_ins_100").at("/progress").asLong()).isEqualTo(7);

		assertThat(this.announced.of(member.id())).extracting(AchievementUnlocked::code)
			.containsExactlyInAnyOrder("first_check_in", "streak_7", "first_freeze");
		assertThat(member.get("/api/v1/me/points?size=100")
			.json()
			.at("/data")
			.valueStream()
			.filter((entry) -> entry.at("/source").asString().equals("achievement:streak_7"))).hasSize(1);
	}

	@Test
	void shouldEarnAFreezeForEachWeekOfStreakOncePerRunAndHoldAtMostThree() {
		Member member = member();
		UUID habit = UUID.randomUUID();
		LocalDate start = LocalDate.parse("2026-05-01");
		for (int streak : new int[] { 6, 7, 7, 14, 21, 28 }) {
			publish(dayOfStreak(member, habit, start, streak));
			settle(member);
		}
		// The first week's day published again
		publish(dayOfStreak(member, habit, start, 7));
		settle(member);

		JsonNode level = member.level();
		assertThat(level.at("/streakFreezesAvailable").asInt()).isEqualTo(3);
		assertThat(level.at("/streakFreezesMax").asInt()).isEqualTo(3);
		JsonNode freezes = member.get("/api/v1/me/streak-freezes?sort=freezeDay,asc").json().at("/data");
		assertThat(freezes.valueStream().map((freeze) -> freeze.at("/kind").asString())).containsExactly("earned",
				"earned", "earned", "forfeited");
		assertThat(freezes.at("/0/day").asString()).isEqualTo("2026-05-07");
		assertThat(freezes.at("/0/habitId").asString()).isEqualTo(habit.toString());
	}

	@Test
	void shouldSpendAFreezeOncePerDayAndRefuseWhenNoneIsLeft() {
		Member member = member();
		earnOneFreeze(member);
		UserId user = new UserId(member.id());

		assertThat(this.wallet.spend(user, LocalDate.parse("2026-06-20"))).isTrue();
		assertThat(this.wallet.spend(user, LocalDate.parse("2026-06-20"))).isTrue();
		assertThat(this.wallet.spend(user, LocalDate.parse("2026-06-21"))).isFalse();

		JsonNode level = member.level();
		assertThat(level.at("/streakFreezesAvailable").asInt()).isZero();
		assertThat(level.at("/streakFreezesSpent").asLong()).isEqualTo(1);
		JsonNode freezes = member.get("/api/v1/me/streak-freezes").json().at("/data");
		assertThat(freezes.at("/0/kind").asString()).isEqualTo("spent");
		assertThat(freezes.at("/0/day").asString()).isEqualTo("2026-06-20");
		assertThat(freezes.size()).isEqualTo(2);
	}

	@Test
	void shouldLetOnlyOneOfTwoConcurrentSpendsOfTheLastFreezeSucceed() throws Exception {
		Member member = member();
		earnOneFreeze(member);
		UserId user = new UserId(member.id());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (String day : List.of("2026-06-20", "2026-06-21")) {
				Callable<Boolean> spend = () -> {
					start.await();
					return this.wallet.spend(user, LocalDate.parse(day));
				};
				results.add(threads.submit(spend));
			}
			start.countDown();
			assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			threads.shutdown();
		}
		assertThat(member.level().at("/streakFreezesAvailable").asInt()).isZero();
		assertThat(member.level().at("/streakFreezesSpent").asLong()).isEqualTo(1);
	}

	@Test
	void shouldRefuseToSpendAFreezeOfAUserWhoNeverEarnedOne() {
		assertThat(this.wallet.spend(new UserId(member().id()), LocalDate.parse("2026-06-20"))).isFalse();
	}

	@Test
	void shouldNeverShowAnotherUsersPointsAchievementsOrFreezes() {
		Member alice = member();
		Member bob = member();
		earnOneFreeze(bob);
		publish(new GoalCompleted(bob.id(), UUID.randomUUID(), "Bob's goal", Instant.parse("2026-06-11T18:00:00Z")));
		publish(checkIn(alice, UUID.randomUUID(), LocalDate.parse("2026-06-10"), 1,
				Instant.parse("2026-06-10T07:00:00Z")));
		settle(bob);
		settle(alice);

		assertThat(alice.level().at("/points").asLong()).isEqualTo(15);
		assertThat(alice.level().at("/streakFreezesAvailable").asInt()).isZero();
		assertThat(alice.get("/api/v1/me/points")
			.json()
			.at("/data")
			.valueStream()
			.map((entry) -> entry.at("/reason").asString())).noneMatch((reason) -> reason.contains("Bob"));
		assertThat(alice.get("/api/v1/me/streak-freezes").json().at("/data").size()).isZero();
		assertThat(achievement(alice.get("/api/v1/me/achievements").json(), "first_goal").at("/unlocked").asBoolean())
			.isFalse();
		assertThat(bob.level().at("/points").asLong()).isGreaterThan(100);
	}

	@Test
	void shouldCountTodaysPointsInTheUsersLocalDayAcrossTheSpringDaylightSavingChange() {
		Member member = member();
		// 23:30 CET on 28 March, then 00:30 CET on 29 March (forward at 02:00)
		publish(new MilestoneReached(member.id(), UUID.randomUUID(), UUID.randomUUID(), "Late",
				Instant.parse("2026-03-28T22:30:00Z")));
		publish(new GoalCompleted(member.id(), UUID.randomUUID(), "Early", Instant.parse("2026-03-28T23:30:00Z")));
		settle(member);
		UserId user = new UserId(member.id());

		this.clock.set(Instant.parse("2026-03-29T21:59:00Z")); // 23:59 CEST, 29 March
		LevelView level = this.gamification.level(user);
		assertThat(level.today()).isEqualTo(LocalDate.parse("2026-03-29"));
		assertThat(level.points()).isEqualTo(25 + 10 + 100 + 25);
		assertThat(level.todayPoints()).isEqualTo(100 + 25);

		this.clock.set(Instant.parse("2026-03-29T22:00:00Z")); // 00:00 CEST, 30 March
		assertThat(this.gamification.level(user).todayPoints()).isZero();
	}

	@Test
	void shouldPageTheLedgerAndRefuseAnUnknownSortProperty() {
		Member member = member();
		publish(checkIn(member, UUID.randomUUID(), LocalDate.parse("2026-06-10"), 1,
				Instant.parse("2026-06-10T07:00:00Z")));
		settle(member);

		JsonNode page = member.get("/api/v1/me/points?size=1&page=2").json();
		assertThat(page.at("/data").size()).isEqualTo(1);
		assertThat(page.at("/pagination/totalElements").asLong()).isEqualTo(2);
		assertThat(member.get("/api/v1/me/points?sort=reason").status()).isEqualTo(400);
		assertThat(member.get("/api/v1/me/level").header("ETag")).isNotBlank();
	}

	private void earnOneFreeze(Member member) {
		UUID habit = UUID.randomUUID();
		publish(dayOfStreak(member, habit, LocalDate.parse("2026-06-01"), 7));
		settle(member);
		assertThat(member.level().at("/streakFreezesAvailable").asInt()).isEqualTo(1);
	}

	private static JsonNode achievement(JsonNode page, String code) {
		return page.at("/data")
			.valueStream()
			.filter((achievement) -> achievement.at("/code").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private static HabitCheckedIn checkIn(Member member, UUID habit, LocalDate day, int streak, Instant at) {
		return new HabitCheckedIn(member.id(), habit, UUID.randomUUID(), day, true, BigDecimal.ONE, streak, streak,
				50.0, false, at);
	}

	private static HabitCheckedIn dayOfStreak(Member member, UUID habit, LocalDate start, int streak) {
		LocalDate day = start.plusDays(streak - 1L);
		return checkIn(member, habit, day, streak, Instant.parse(day + "T07:00:00Z"));
	}

	private static HabitUpdated removed(Member member, UUID habit, Instant at) {
		return new HabitUpdated(member.id(), habit, "check_in_removed", 0, 10.0, at,
				at.atZone(ZoneId.of("Europe/Berlin")).toLocalDate());
	}

	private static TaskCompleted task(Member member, Instant at) {
		return new TaskCompleted(member.id(), UUID.randomUUID(), null, null, "Task at " + at, at, null);
	}

	private void publish(Object event) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	/**
	 * Wait until every listener has handled the events published for this user.
	 */
	private void settle(Member member) {
		String id = member.id().toString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.publications.findIncompletePublications()
				.stream()
				.noneMatch((publication) -> publication.getEvent().toString().contains(id)));
	}

	private Member member() {
		UserView user = AccountFixtures.create(this.accounts, Role.USER);
		return new Member(user.id(), new Http(this.port).login(user.email(), AccountFixtures.PASSWORD),
				new Http(this.port));
	}

	private record Member(UUID id, String token, Http http) {

		Http.Response get(String path) {
			return this.http.get(path).bearer(this.token).execute();
		}

		JsonNode level() {
			Http.Response response = get("/api/v1/me/level");
			assertThat(response.status()).isEqualTo(200);
			return response.json().at("/data");
		}

	}

}
