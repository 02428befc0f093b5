package com.upcoach.notifications.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.StatementCounter;
import com.upcoach.habits.HabitReminders;
import com.upcoach.habits.HabitReminders.DayStatus;
import com.upcoach.habits.HabitReminders.HabitOnDay;
import com.upcoach.identity.AccountManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static com.upcoach.notifications.reminders.ReminderFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Habit reminders fire at the user's local time, only when the habit is still to be done
 * that day, once however many runs overlap, late within the grace period and not after
 * it, across daylight-saving changes and zone changes.
 */
@IntegrationTest
@Import(ReminderTestConfiguration.class)
// The tests run the job at the times they set; JobRunr's own runs would race them.
@TestPropertySource(properties = "jobrunr.background-job-server.enabled=false")
class HabitRemindersIT {

	private static final String BERLIN = "Europe/Berlin";

	private static final String NEW_YORK = "America/New_York";

	/** A Wednesday. */
	private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReminderTestConfiguration.MovableClock clock;

	@Autowired
	ReminderJob job;

	@Autowired
	ReminderBackfill backfill;

	@Autowired
	HabitReminders habits;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void shouldRemindAtEachUsersLocalTime() {
		ReminderFixtures berlin = user(BERLIN);
		ReminderFixtures newYork = user(NEW_YORK);
		this.clock.set(at(TODAY, 5, 0, BERLIN));
		String meditate = berlin.dailyHabit("Meditate", TODAY, "08:00");
		String run = newYork.dailyHabit("Run", TODAY, "08:00");
		assertThat(berlin.nextFire(meditate, LocalTime.of(8, 0))).isEqualTo(at(TODAY, 8, 0, BERLIN));
		assertThat(newYork.nextFire(run, LocalTime.of(8, 0))).isEqualTo(at(TODAY, 8, 0, NEW_YORK));

		runAt(at(TODAY, 7, 59, BERLIN));
		assertThat(berlin.sent("habit_reminder")).isEmpty();
		runAt(at(TODAY, 8, 0, BERLIN));
		assertThat(berlin.sent("habit_reminder")).singleElement().satisfies((sent) -> {
			assertThat(sent.title()).isEqualTo("Time for Meditate");
			assertThat(sent.link()).isEqualTo("/app/habits/" + meditate);
			assertThat(sent.dedupeKey()).isEqualTo("habit_reminder:" + meditate + ":" + TODAY + ":08:00");
			assertThat(sent.data()).contains("\"habitId\":\"" + meditate + "\"", "\"day\":\"" + TODAY + "\"",
					"\"time\":\"08:00\"");
		});
		assertThat(newYork.sent("habit_reminder")).isEmpty();
		assertThat(berlin.nextFire(meditate, LocalTime.of(8, 0))).isEqualTo(at(TODAY.plusDays(1), 8, 0, BERLIN));

		runAt(at(TODAY, 8, 0, NEW_YORK));
		assertThat(newYork.sent("habit_reminder")).extracting(ReminderFixtures.Sent::title)
			.containsExactly("Time for Run");
		assertThat(berlin.sent("habit_reminder")).hasSize(1);
	}

	@Test
	void shouldHoldRemindersInQuietHoursAndWhenTheUserTurnedThemOff() {
		ReminderFixtures me = user(BERLIN);
		this.clock.set(at(TODAY, 5, 0, BERLIN));
		String early = me.dailyHabit("Stretch", TODAY, "07:00");
		String later = me.dailyHabit("Meditate", TODAY, "08:00");
		Http.Response quiet = me.http
			.put("/api/v1/notifications/preferences",
					"{\"quietHours\":{\"enabled\":true,\"start\":\"22:00\",\"end\":\"07:30\"}}")
			.bearer(me.token)
			.execute();
		assertThat(quiet.status()).as(quiet.body()).isEqualTo(200);

		runAt(at(TODAY, 7, 0, BERLIN));
		assertThat(me.sent("habit_reminder")).as("07:00 is in quiet hours").isEmpty();
		assertThat(me.nextFire(early, LocalTime.of(7, 0))).isEqualTo(at(TODAY.plusDays(1), 7, 0, BERLIN));
		runAt(at(TODAY, 8, 0, BERLIN));
		assertThat(me.sent("habit_reminder")).extracting(ReminderFixtures.Sent::title)
			.containsExactly("Time for Meditate");

		Http.Response off = me.http
			.put("/api/v1/notifications/preferences",
					"{\"channels\":{\"habit_reminder\":{\"in_app\":false,\"push\":false,\"email\":false}}}")
			.bearer(me.token)
			.execute();
		assertThat(off.status()).as(off.body()).isEqualTo(200);
		runAt(at(TODAY.plusDays(1), 8, 0, BERLIN));
		assertThat(me.sent("habit_reminder")).as("turned off").hasSize(1);
		assertThat(me.nextFire(later, LocalTime.of(8, 0))).isEqualTo(at(TODAY.plusDays(2), 8, 0, BERLIN));
	}

	@Test
	void shouldNotRemindOfHabitsDoneSkippedNotDuePausedArchivedOrNotStarted() {
		ReminderFixtures me = user(BERLIN);
		this.clock.set(at(TODAY, 7, 0, BERLIN));
		String open = me.dailyHabit("Open", TODAY.minusDays(3), "08:00");
		String done = me.dailyHabit("Done", TODAY.minusDays(3), "08:00");
		String skipped = me.dailyHabit("Skipped", TODAY.minusDays(3), "08:00");
		me.habit(
				"{\"name\":\"Mondays\",\"startDate\":\"" + TODAY.minusDays(3)
						+ "\",\"schedule\":{\"type\":\"weekdays\",\"days\":[\"monday\"]},\"reminders\":[\"08:00\"]}",
				1);
		String paused = me.dailyHabit("Paused", TODAY.minusDays(3), "08:00");
		String archived = me.dailyHabit("Archived", TODAY.minusDays(3), "08:00");
		me.dailyHabit("Tomorrow", TODAY.plusDays(1), "08:00");
		me.checkIn(done, "{}");
		me.checkIn(skipped, "{\"skipped\":true}");
		assertThat(me.post("/api/v1/habits/" + paused + "/pause", "{}").status()).isEqualTo(200);
		assertThat(me.post("/api/v1/habits/" + archived + "/archive", "").status()).isEqualTo(200);
		me.awaitScheduled(archived, 0);

		runAt(at(TODAY, 8, 0, BERLIN));
		assertThat(me.sent("habit_reminder")).extracting(ReminderFixtures.Sent::title).containsExactly("Time for Open");
	}

	@Test
	void shouldRemindOnceWhenRunsOverlap() throws Exception {
		ReminderFixtures me = user(BERLIN);
		this.clock.set(at(TODAY, 7, 0, BERLIN));
		String habit = me.dailyHabit("Meditate", TODAY, "08:00", "12:00");
		this.clock.set(at(TODAY, 8, 0, BERLIN));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> runs = java.util.stream.IntStream.range(0, 4).mapToObj((i) -> pool.submit(() -> {
				start.await();
				this.job.run();
				return null;
			})).toList();
			start.countDown();
			for (Future<Object> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		this.job.run();
		assertThat(me.sent("habit_reminder")).hasSize(1);
		// A run that read the row before another run moved it still sends nothing:
		// the occurrence's dedupe key was used.
		this.jdbc
			.sql("UPDATE habit_reminder_schedule SET next_fire_at = :at WHERE habit_id = :habit"
					+ " AND local_time = :time")
			.param("at", at(TODAY, 8, 0, BERLIN).atOffset(java.time.ZoneOffset.UTC))
			.param("habit", UUID.fromString(habit))
			.param("time", LocalTime.of(8, 0))
			.update();
		this.job.run();
		assertThat(me.sent("habit_reminder")).hasSize(1);
		runAt(at(TODAY, 12, 0, BERLIN));
		assertThat(me.sent("habit_reminder")).extracting(ReminderFixtures.Sent::dedupeKey)
			.containsExactly("habit_reminder:" + habit + ":" + TODAY + ":08:00",
					"habit_reminder:" + habit + ":" + TODAY + ":12:00");
	}

	@Test
	void shouldSendALateReminderWithinTheGraceAndPassOverOlderOnes() {
		ReminderFixtures me = user(BERLIN);
		this.clock.set(at(TODAY, 6, 0, BERLIN));
		String late = me.dailyHabit("Late", TODAY, "08:00");
		String stale = me.dailyHabit("Stale", TODAY, "07:30");
		// The job was down from before 07:30 until 08:20.
		runAt(at(TODAY, 8, 20, BERLIN));
		assertThat(me.sent("habit_reminder")).extracting(ReminderFixtures.Sent::title).containsExactly("Time for Late");
		assertThat(me.nextFire(stale, LocalTime.of(7, 30))).isEqualTo(at(TODAY.plusDays(1), 7, 30, BERLIN));
		assertThat(me.nextFire(late, LocalTime.of(8, 0))).isEqualTo(at(TODAY.plusDays(1), 8, 0, BERLIN));
		runAt(at(TODAY.plusDays(1), 7, 30, BERLIN));
		assertThat(me.sent("habit_reminder")).extracting(ReminderFixtures.Sent::title)
			.containsExactly("Time for Late", "Time for Stale");
	}

	@Test
	void shouldRemindAtTheShiftedTimeOnASpringForwardDayAndOnceOnAFallBackDay() {
		ReminderFixtures me = user(BERLIN);
		ReminderFixtures other = user(BERLIN);
		LocalDate springForward = LocalDate.of(2026, 3, 29);
		this.clock.set(at(springForward.minusDays(1), 12, 0, BERLIN));
		String spring = me.dailyHabit("Spring", springForward.minusDays(1), "02:30");
		// 02:30 does not exist that night: the clocks go from 02:00 to 03:00.
		Instant shifted = Instant.parse("2026-03-29T01:30:00Z");
		assertThat(me.nextFire(spring, LocalTime.of(2, 30))).isEqualTo(shifted);
		runAt(shifted.minusSeconds(60));
		assertThat(me.sent("habit_reminder")).isEmpty();
		runAt(shifted);
		assertThat(me.sent("habit_reminder")).extracting(ReminderFixtures.Sent::dedupeKey)
			.containsExactly("habit_reminder:" + spring + ":2026-03-29:02:30");
		assertThat(me.nextFire(spring, LocalTime.of(2, 30))).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));

		LocalDate fallBack = LocalDate.of(2026, 10, 25);
		this.clock.set(at(fallBack.minusDays(1), 12, 0, BERLIN));
		String fall = other.dailyHabit("Fall", fallBack.minusDays(1), "02:30");
		// 02:30 happens twice that night: in summer time (00:30 UTC), then in winter
		// time.
		assertThat(other.nextFire(fall, LocalTime.of(2, 30))).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		runAt(Instant.parse("2026-10-25T00:30:00Z"));
		runAt(Instant.parse("2026-10-25T01:30:00Z"));
		assertThat(other.sent("habit_reminder")).hasSize(1);
		assertThat(other.nextFire(fall, LocalTime.of(2, 30))).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
	}

	@Test
	void shouldMoveRemindersWhenTheUserChangesZone() {
		ReminderFixtures me = user(BERLIN);
		this.clock.set(at(TODAY, 5, 0, BERLIN));
		String habit = me.dailyHabit("Meditate", TODAY, "08:00");
		assertThat(me.nextFire(habit, LocalTime.of(8, 0))).isEqualTo(at(TODAY, 8, 0, BERLIN));
		me.calendar(NEW_YORK, 0);
		await().untilAsserted(
				() -> assertThat(me.nextFire(habit, LocalTime.of(8, 0))).isEqualTo(at(TODAY, 8, 0, NEW_YORK)));
		runAt(at(TODAY, 8, 0, BERLIN));
		assertThat(me.sent("habit_reminder")).isEmpty();
		runAt(at(TODAY, 8, 0, NEW_YORK));
		assertThat(me.sent("habit_reminder")).hasSize(1);
	}

	@Test
	void shouldFollowChangedTimesAndForgetDeletedHabits() {
		ReminderFixtures me = user(BERLIN);
		this.clock.set(at(TODAY, 5, 0, BERLIN));
		String habit = me.dailyHabit("Meditate", TODAY, "08:00");
		Http.Response patched = me.http.patch("/api/v1/habits/" + habit, "{\"reminders\":[\"09:15\",\"21:00\"]}")
			.bearer(me.token)
			.execute();
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		await().untilAsserted(() -> assertThat(this.jdbc
			.sql("SELECT local_time FROM habit_reminder_schedule WHERE habit_id = :habit ORDER BY local_time")
			.param("habit", UUID.fromString(habit))
			.query(LocalTime.class)
			.list()).containsExactly(LocalTime.of(9, 15), LocalTime.of(21, 0)));
		runAt(at(TODAY, 8, 0, BERLIN));
		assertThat(me.sent("habit_reminder")).isEmpty();
		runAt(at(TODAY, 9, 15, BERLIN));
		assertThat(me.sent("habit_reminder")).hasSize(1);
		assertThat(me.http.delete("/api/v1/habits/" + habit).bearer(me.token).execute().status()).isEqualTo(200);
		me.awaitScheduled(habit, 0);
		runAt(at(TODAY, 21, 0, BERLIN));
		assertThat(me.sent("habit_reminder")).hasSize(1);
	}

	@Test
	void shouldRebuildAnEmptyScheduleFromTheHabits() {
		ReminderFixtures me = user(BERLIN);
		this.clock.set(at(TODAY, 5, 0, BERLIN));
		String habit = me.dailyHabit("Meditate", TODAY, "08:00", "18:00");
		this.jdbc.sql("DELETE FROM habit_reminder_schedule").update();
		this.jdbc.sql("DELETE FROM streak_check_schedule").update();
		this.backfill.onReady();
		me.awaitScheduled(habit, 2);
		assertThat(me.nextFire(habit, LocalTime.of(18, 0))).isEqualTo(at(TODAY, 18, 0, BERLIN));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM streak_check_schedule WHERE user_id = :user")
			.param("user", me.user.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldWarnOfStreaksOfThreeOrMoreAtRiskAtEightInTheEvening() {
		ReminderFixtures me = user(BERLIN);
		this.clock.set(at(TODAY, 9, 0, BERLIN));
		String three = me.dailyHabit("Three", TODAY.minusDays(5));
		String two = me.dailyHabit("Two", TODAY.minusDays(5));
		String doneToday = me.dailyHabit("Done today", TODAY.minusDays(5));
		String skippedToday = me.dailyHabit("Skipped today", TODAY.minusDays(5));
		for (int ago = 1; ago <= 3; ago++) {
			for (String habit : List.of(three, doneToday, skippedToday)) {
				me.checkIn(habit, "{\"date\":\"" + TODAY.minusDays(ago) + "\"}");
			}
			if (ago <= 2) {
				me.checkIn(two, "{\"date\":\"" + TODAY.minusDays(ago) + "\"}");
			}
		}
		me.checkIn(doneToday, "{}");
		me.checkIn(skippedToday, "{\"skipped\":true}");
		await().until(() -> this.jdbc.sql("SELECT COUNT(*) FROM streak_check_schedule WHERE user_id = :user")
			.param("user", me.user.id())
			.query(Long.class)
			.single() == 1);

		runAt(at(TODAY, 19, 59, BERLIN));
		assertThat(me.sent("streak_at_risk")).isEmpty();
		runAt(at(TODAY, 20, 0, BERLIN));
		assertThat(me.sent("streak_at_risk")).singleElement().satisfies((sent) -> {
			assertThat(sent.title()).isEqualTo("Your streak in Three is at risk");
			assertThat(sent.dedupeKey()).isEqualTo("streak_at_risk:" + three + ":" + TODAY);
			assertThat(sent.body()).contains("streak of 3");
		});
		runAt(at(TODAY, 20, 5, BERLIN));
		assertThat(me.sent("streak_at_risk")).hasSize(1);
	}

	@Test
	void shouldScheduleTheDemoMembersReminders() {
		UUID member = this.accounts.findByEmail("member@demo.upcoach.local").orElseThrow().id();
		// Meditate 07:30, Drink water 10:00 and 15:00, Run 18:00, Read 21:30.
		await().untilAsserted(() -> assertThat(this.jdbc
			.sql("SELECT local_time FROM habit_reminder_schedule WHERE user_id = :user ORDER BY local_time")
			.param("user", member)
			.query(LocalTime.class)
			.list()).containsExactly(LocalTime.of(7, 30), LocalTime.of(10, 0), LocalTime.of(15, 0), LocalTime.of(18, 0),
					LocalTime.of(21, 30)));
	}

	@Test
	void shouldReadHowHabitsStandInAFixedNumberOfStatementsWhateverTheirNumber() {
		ReminderFixtures one = user(BERLIN);
		ReminderFixtures two = user(NEW_YORK);
		ReminderFixtures three = user(BERLIN);
		this.clock.set(at(TODAY, 5, 0, BERLIN));
		String single = one.dailyHabit("Single", TODAY.minusDays(2));
		one.checkIn(single, "{\"date\":\"" + TODAY.minusDays(1) + "\"}");
		List<HabitOnDay> many = new java.util.ArrayList<>();
		for (ReminderFixtures user : List.of(two, three)) {
			for (int i = 0; i < 3; i++) {
				String habit = user.dailyHabit("Habit " + i, TODAY.minusDays(2));
				user.checkIn(habit, "{\"date\":\"" + TODAY.minusDays(1) + "\"}");
				many.add(new HabitOnDay(UUID.fromString(habit), TODAY));
			}
		}
		int few = StatementCounter
			.count(() -> this.habits.status(List.of(new HabitOnDay(UUID.fromString(single), TODAY))))
			.statements();
		StatementCounter.Counted<Map<HabitOnDay, DayStatus>> counted = StatementCounter
			.count(() -> this.habits.status(many));
		assertThat(counted.result()).hasSize(6).allSatisfy((query, status) -> {
			assertThat(status.open()).isTrue();
			assertThat(status.currentStreak()).isEqualTo(1);
		});
		assertThat(counted.statements()).isEqualTo(few).isLessThanOrEqualTo(3);
		int fewUsers = StatementCounter.count(() -> this.habits.statusOfUsers(Map.of(one.user.id(), TODAY)))
			.statements();
		StatementCounter.Counted<List<DayStatus>> users = StatementCounter
			.count(() -> this.habits.statusOfUsers(Map.of(two.user.id(), TODAY, three.user.id(), TODAY)));
		assertThat(users.result()).hasSize(6);
		assertThat(users.statements()).isEqualTo(fewUsers).isLessThanOrEqualTo(3);
	}

	private ReminderFixtures user(String zone) {
		return new ReminderFixtures(new Http(this.port), this.accounts, this.jdbc, zone);
	}

	private void runAt(Instant instant) {
		this.clock.set(instant.truncatedTo(ChronoUnit.SECONDS));
		this.job.run();
	}

}
