package com.upcoach.habits;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static com.upcoach.habits.HabitFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-ins over HTTP: one per habit and local day, the logging window, skips,
 * increments, edits and deletes, statistics, events, and the user's local days across
 * daylight-saving changes, day-start hours and travel.
 */
@IntegrationTest
@Import(HabitTestConfiguration.class)
class HabitCheckInsIT {

	private static final String BERLIN = "Europe/Berlin";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	HabitTestConfiguration.FixedClock clock;

	@Autowired
	HabitTestConfiguration.HabitEvents events;

	HabitFixtures me;

	@BeforeEach
	void signIn() {
		this.me = HabitFixtures.user(new Http(this.port), this.accounts);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void shouldRecordOneCheckInPerDayAndAnswerARetryWithTheSameCheckIn() {
		LocalDate today = LocalDate.of(2026, 5, 12);
		this.clock.set(at(today, 9, 0, BERLIN));
		String habit = this.me.dailyHabit("Meditate", today.minusDays(3));
		Http.Response first = this.me.checkIn(habit, "{\"note\":\"calm\"}");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().at("/data/date").asString()).isEqualTo(today.toString());
		assertThat(first.json().at("/data/value").decimalValue()).isEqualByComparingTo("1");
		assertThat(first.json().at("/data/completed").asBoolean()).isTrue();
		Http.Response retry = this.me.checkIn(habit, "{\"date\":\"" + today + "\"}");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().at("/data/id").asString()).isEqualTo(first.json().at("/data/id").asString());
		String id = UUID.randomUUID().toString();
		Http.Response yesterday = this.me.checkIn(habit,
				"{\"id\":\"" + id + "\",\"date\":\"" + today.minusDays(1) + "\"}");
		assertThat(yesterday.status()).isEqualTo(201);
		assertThat(this.me.checkIn(habit, "{\"id\":\"" + id + "\",\"date\":\"" + today.minusDays(1) + "\"}").status())
			.isEqualTo(200);
		Http.Response list = this.me.get("/api/v1/habits/" + habit + "/check-ins");
		assertThat(list.json().at("/pagination/totalElements").asInt()).isEqualTo(2);
		assertThat(list.json().at("/data/0/date").asString()).isEqualTo(today.toString());
		assertThat(this.me.get("/api/v1/habits/" + habit + "/check-ins?from=" + today + "&to=" + today)
			.json()
			.at("/pagination/totalElements")
			.asInt()).isEqualTo(1);
	}

	@Test
	void shouldRefuseFutureDatesDatesBeyondTheWindowAndDatesBeforeTheStart() {
		LocalDate today = LocalDate.of(2026, 5, 20);
		this.clock.set(at(today, 9, 0, BERLIN));
		String habit = this.me.dailyHabit("Walk", today.minusDays(30));
		Http.Response future = this.me.checkIn(habit, "{\"date\":\"" + today.plusDays(1) + "\"}");
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().at("/error/details/0/field").asString()).isEqualTo("date");
		assertThat(future.json().at("/error/details/0/message").asString()).contains("future");
		Http.Response old = this.me.checkIn(habit, "{\"date\":\"" + today.minusDays(8) + "\"}");
		assertThat(old.status()).isEqualTo(400);
		assertThat(old.json().at("/error/details/0/message").asString()).contains("7 days");
		assertThat(this.me.checkIn(habit, "{\"date\":\"" + today.minusDays(7) + "\"}").status()).isEqualTo(201);
		String young = this.me.dailyHabit("New", today.minusDays(1));
		Http.Response early = this.me.checkIn(young, "{\"date\":\"" + today.minusDays(2) + "\"}");
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.json().at("/error/details/0/message").asString()).contains("before the habit starts");
		assertThat(this.me.checkIn(habit, "{\"value\":2}").status()).isEqualTo(400);
		assertThat(this.me.checkIn(habit, "{\"value\":-1}").status()).isEqualTo(400);
		assertThat(this.me.checkIn(habit, "{\"increment\":true,\"value\":1}").status()).isEqualTo(400);
		assertThat(this.me.checkIn(habit, "{\"date\":\"not-a-date\"}").status()).isEqualTo(400);
		assertThat(this.me.checkIn(habit, "{\"mood\":5}").status()).isEqualTo(400);
	}

	@Test
	void shouldAddQuickIncrementsToANumericHabitAndRequireAValue() {
		LocalDate today = LocalDate.of(2026, 5, 12);
		this.clock.set(at(today, 9, 0, BERLIN));
		String water = this.me.habit("{\"name\":\"Water\",\"kind\":\"numeric\",\"unit\":\"glasses\",\"target\":8,"
				+ "\"startDate\":\"" + today + "\"}");
		assertThat(this.me.checkIn(water, "{}").status()).isEqualTo(400);
		Http.Response first = this.me.checkIn(water, "{\"value\":3,\"increment\":true}");
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().at("/data/completed").asBoolean()).isFalse();
		Http.Response more = this.me.checkIn(water, "{\"value\":5,\"increment\":true}");
		assertThat(more.status()).isEqualTo(200);
		assertThat(more.json().at("/data/value").decimalValue()).isEqualByComparingTo("8");
		assertThat(more.json().at("/data/completed").asBoolean()).isTrue();
		assertThat(more.json().at("/data/id").asString()).isEqualTo(first.json().at("/data/id").asString());
		Http.Response plain = this.me.checkIn(water, "{\"value\":1}");
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.json().at("/data/value").decimalValue()).isEqualByComparingTo("8");
		String retried = "{\"id\":\"" + UUID.randomUUID() + "\",\"value\":2,\"increment\":true}";
		assertThat(this.me.checkIn(water, retried).json().at("/data/value").decimalValue()).isEqualByComparingTo("10");
		assertThat(this.me.checkIn(water, retried).json().at("/data/value").decimalValue())
			.as("the same increment again, e.g. after a lost answer")
			.isEqualByComparingTo("10");
	}

	@Test
	void shouldEditWithIfMatchAndDeleteACheckIn() {
		LocalDate today = LocalDate.of(2026, 5, 12);
		this.clock.set(at(today, 9, 0, BERLIN));
		String water = this.me
			.habit("{\"name\":\"Water\",\"kind\":\"numeric\",\"target\":8,\"startDate\":\"" + today + "\"}");
		Http.Response created = this.me.checkIn(water, "{\"value\":4}");
		String path = "/api/v1/habits/" + water + "/check-ins/" + created.json().at("/data/id").asString();
		String etag = created.header("ETag");
		Http.Response edited = this.me.http.patch(path, "{\"value\":9,\"note\":\"hot day\"}")
			.bearer(this.me.token)
			.header("If-Match", etag)
			.execute();
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().at("/data/value").decimalValue()).isEqualByComparingTo("9");
		assertThat(edited.json().at("/data/note").asString()).isEqualTo("hot day");
		Http.Response stale = this.me.http.patch(path, "{\"value\":1}")
			.bearer(this.me.token)
			.header("If-Match", etag)
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.me.get(path).json().at("/data/value").decimalValue()).isEqualByComparingTo("9");
		assertThat(this.me.patch(path, "{\"value\":\"lots\"}").status()).isEqualTo(400);
		int before = this.events.updates.size();
		assertThat(this.me.delete(path).status()).isEqualTo(200);
		assertThat(this.me.get(path).status()).isEqualTo(404);
		assertThat(this.events.updates.subList(before, this.events.updates.size()))
			.anyMatch((event) -> event.change().equals("check_in_removed"));
	}

	@Test
	void shouldSkipADayWithoutBreakingTheStreak() {
		LocalDate today = LocalDate.of(2026, 5, 12);
		this.clock.set(at(today, 21, 0, BERLIN));
		String habit = this.me.dailyHabit("Floss", today.minusDays(3));
		this.me.checkIn(habit, "{\"date\":\"" + today.minusDays(3) + "\"}");
		this.me.checkIn(habit, "{\"date\":\"" + today.minusDays(2) + "\"}");
		Http.Response skip = this.me.checkIn(habit, "{\"date\":\"" + today.minusDays(1) + "\",\"skipped\":true}");
		assertThat(skip.json().at("/data/status").asString()).isEqualTo("skipped");
		assertThat(this.events.updates).anyMatch((event) -> event.change().equals("skipped")
				&& event.habitId().toString().equals(habit) && event.currentStreak() == 2);
		this.me.checkIn(habit, "{}");
		JsonNode stats = this.me.stats(habit);
		assertThat(stats.at("/currentStreak").asInt()).isEqualTo(3);
		JsonNode heatMap = stats.at("/heatMap");
		assertThat(heatMap.get(heatMap.size() - 2).at("/state").asString()).isEqualTo("skipped");
	}

	@Test
	void shouldReportStreaksCompletionHeatMapAndStrength() {
		LocalDate today = LocalDate.of(2026, 5, 12);
		LocalDate start = today.minusDays(9);
		// Logged day by day as the clock moves: done except one miss 4 days ago.
		String habit = null;
		for (int ago = 9; ago >= 0; ago--) {
			this.clock.set(at(today.minusDays(ago), 20, 0, BERLIN));
			if (habit == null) {
				habit = this.me.dailyHabit("Run", start);
			}
			if (ago != 4) {
				assertThat(this.me.checkIn(habit, "{}").status()).isEqualTo(201);
			}
		}
		JsonNode stats = this.me.stats(habit);
		assertThat(stats.at("/today").asString()).isEqualTo(today.toString());
		assertThat(stats.at("/currentStreak").asInt()).isEqualTo(4);
		assertThat(stats.at("/longestStreak").asInt()).isEqualTo(5);
		assertThat(stats.at("/streakUnit").asString()).isEqualTo("day");
		assertThat(stats.at("/completion/last7Days").asDouble()).isEqualTo(85.7);
		assertThat(stats.at("/completion/last30Days").asDouble()).isEqualTo(90.0);
		assertThat(stats.at("/strength").asDouble()).isBetween(30.0, 50.0);
		JsonNode heatMap = stats.at("/heatMap");
		assertThat(heatMap.size()).isEqualTo(365);
		assertThat(heatMap.get(364).at("/date").asString()).isEqualTo(today.toString());
		assertThat(heatMap.get(364 - 4).at("/state").asString()).isEqualTo("missed");
		assertThat(heatMap.get(364 - 10).at("/state").asString()).isEqualTo("not_due");
		assertThat(heatMap.get(364).at("/value").decimalValue()).isEqualByComparingTo("1");
		JsonNode range = this.me.get("/api/v1/habits/" + habit + "/stats?from=" + today.minusDays(2) + "&to=" + today)
			.json()
			.at("/data/heatMap");
		assertThat(range.size()).isEqualTo(3);
		assertThat(
				this.me.get("/api/v1/habits/" + habit + "/stats?from=" + today + "&to=" + today.minusDays(1)).status())
			.isEqualTo(400);
	}

	@Test
	void shouldPublishCheckedInWithScoresAndMarkTheUsersFirstCheckIn() {
		LocalDate today = LocalDate.of(2026, 5, 12);
		this.clock.set(at(today, 9, 0, BERLIN));
		String habit = this.me.dailyHabit("Meditate", today.minusDays(1));
		this.me.checkIn(habit, "{\"date\":\"" + today.minusDays(1) + "\"}");
		this.me.checkIn(habit, "{}");
		UUID userId = this.me.user.id();
		assertThat(this.events.checkIns.stream().filter((event) -> event.userId().equals(userId)))
			.extracting(HabitCheckedIn::first, HabitCheckedIn::currentStreak, HabitCheckedIn::completed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(true, 1, true),
					org.assertj.core.groups.Tuple.tuple(false, 2, true));
		assertThat(this.events.checkIns.stream()
			.filter((event) -> event.userId().equals(userId))
			.toList()
			.get(1)
			.strength()).isGreaterThan(0);
		assertThat(this.events.updates)
			.anyMatch((event) -> event.userId().equals(userId) && event.change().equals("created"));
	}

	/**
	 * A daily check-in every evening at 23:30 and, on the change day itself, just after
	 * midnight and at the ambiguous or missing hour: every local day counts once.
	 */
	@ParameterizedTest
	@CsvSource({ "Europe/London, 2026-03-29", "Europe/London, 2026-10-25", "America/New_York, 2026-03-08",
			"America/New_York, 2026-11-01" })
	void shouldNeitherBreakNorDoubleAStreakAcrossADaylightSavingChange(String zone, LocalDate change) {
		this.me.calendar(zone, 0);
		LocalDate first = change.minusDays(2);
		this.clock.set(at(first, 12, 0, zone));
		String habit = this.me.dailyHabit("Sleep early", first);
		Set<String> ids = new HashSet<>();
		for (LocalDate day = first; !day.isAfter(change.plusDays(2)); day = day.plusDays(1)) {
			if (day.equals(change)) {
				this.clock.set(at(day, 0, 10, zone));
				ids.add(this.me.checkIn(habit, "{}").json().at("/data/id").asString());
				this.clock.set(at(day, 1, 30, zone));
				Http.Response again = this.me.checkIn(habit, "{}");
				assertThat(again.status()).isEqualTo(200);
				assertThat(again.json().at("/data/date").asString()).isEqualTo(day.toString());
			}
			this.clock.set(at(day, 23, 30, zone));
			Http.Response response = this.me.checkIn(habit, "{}");
			assertThat(response.json().at("/data/date").asString()).isEqualTo(day.toString());
			ids.add(response.json().at("/data/id").asString());
		}
		assertThat(ids).hasSize(5);
		JsonNode stats = this.me.stats(habit);
		assertThat(stats.at("/currentStreak").asInt()).isEqualTo(5);
		assertThat(stats.at("/longestStreak").asInt()).isEqualTo(5);
		this.clock.set(at(change.plusDays(3), 0, 30, zone));
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isEqualTo(5);
	}

	@Test
	void shouldCountACheckInJustAfterMidnightForThePreviousDayWithADayStartHour() {
		this.me.calendar("Europe/London", 3);
		LocalDate saturday = LocalDate.of(2026, 3, 28);
		this.clock.set(at(saturday, 10, 0, "Europe/London"));
		String habit = this.me.dailyHabit("Journal", saturday);
		// 00:30 and 02:30 on the night the clocks spring forward: still Saturday.
		this.clock.set(at(saturday.plusDays(1), 0, 30, "Europe/London"));
		Http.Response late = this.me.checkIn(habit, "{}");
		assertThat(late.json().at("/data/date").asString()).isEqualTo(saturday.toString());
		this.clock.set(at(saturday.plusDays(1), 2, 30, "Europe/London"));
		assertThat(this.me.checkIn(habit, "{}").status()).isEqualTo(200);
		this.clock.set(at(saturday.plusDays(1), 3, 30, "Europe/London"));
		Http.Response sunday = this.me.checkIn(habit, "{}");
		assertThat(sunday.status()).isEqualTo(201);
		assertThat(sunday.json().at("/data/date").asString()).isEqualTo(saturday.plusDays(1).toString());
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isEqualTo(2);
	}

	@Test
	void shouldKeepAStreakWhenTheUserMovesToAnotherTimeZone() {
		LocalDate day = LocalDate.of(2026, 6, 1);
		this.clock.set(at(day, 20, 0, BERLIN));
		String habit = this.me.dailyHabit("Read", day);
		this.me.checkIn(habit, "{}");
		this.clock.set(at(day.plusDays(1), 20, 0, BERLIN));
		this.me.checkIn(habit, "{}");
		// Flies to New York: 20:00 there is 02:00 in Berlin on the next day.
		this.me.calendar("America/New_York", 0);
		this.clock.set(at(day.plusDays(2), 20, 0, "America/New_York"));
		Http.Response there = this.me.checkIn(habit, "{}");
		assertThat(there.json().at("/data/date").asString()).isEqualTo(day.plusDays(2).toString());
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isEqualTo(3);
		// And on to Tokyo, where it is already the next morning: that day is still open.
		this.me.calendar("Asia/Tokyo", 0);
		this.clock.set(at(day.plusDays(3), 9, 0, "Asia/Tokyo"));
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isEqualTo(3);
		assertThat(this.me.checkIn(habit, "{}").json().at("/data/date").asString())
			.isEqualTo(day.plusDays(3).toString());
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isEqualTo(4);
	}

	@Test
	void shouldCountWeeksForATimesPerWeekHabit() {
		// Monday 2026-06-01.
		LocalDate monday = LocalDate.of(2026, 6, 1);
		String habit = null;
		int[] runDays = { 0, 2, 4, 7, 9, 11 };
		for (int offset : runDays) {
			this.clock.set(at(monday.plusDays(offset), 19, 0, BERLIN));
			if (habit == null) {
				habit = this.me.habit("{\"name\":\"Run\",\"startDate\":\"" + monday
						+ "\",\"schedule\":{\"type\":\"times_per_week\",\"times\":3}}");
			}
			this.me.checkIn(habit, "{}");
		}
		this.clock.set(at(monday.plusDays(15), 19, 0, BERLIN));
		JsonNode stats = this.me.stats(habit);
		assertThat(stats.at("/streakUnit").asString()).isEqualTo("week");
		assertThat(stats.at("/currentStreak").asInt()).isEqualTo(2);
		this.clock.set(at(monday.plusDays(21), 19, 0, BERLIN));
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isZero();
	}

}
