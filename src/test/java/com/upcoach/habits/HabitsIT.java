package com.upcoach.habits;

import java.time.LocalDate;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Habits and groups over HTTP: create, read, change, archive, order, pause, delete, and
 * the answers to bad input and to other users.
 */
@IntegrationTest
@Import(HabitTestConfiguration.class)
class HabitsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	HabitTestConfiguration.FixedClock clock;

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
	void shouldCreateANumericAtMostHabitWithScheduleRemindersAndGroupAndReadItBack() {
		String group = this.me.post("/api/v1/habit-groups", "{\"name\":\"Health\",\"colour\":\"#10b981\"}")
			.json()
			.at("/data/id")
			.asString();
		Http.Response created = this.me.post("/api/v1/habits", """
				{"name":"No sugar","description":"One treat at most","icon":"🍬","colour":"#ff0000",
				 "kind":"numeric","unit":"treats","target":1,"targetType":"at_most",
				 "schedule":{"type":"weekdays","days":["monday","wednesday"]},
				 "startDate":"2026-01-05","reminders":["21:00","07:30"],"groupId":"%s"}""".formatted(group));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().at("/data/id").asString();
		Http.Response read = this.me.get("/api/v1/habits/" + id);
		JsonNode habit = read.json().at("/data");
		assertThat(read.header("ETag")).isEqualTo("\"" + habit.at("/version").asLong() + "\"");
		assertThat(habit.at("/kind").asString()).isEqualTo("numeric");
		assertThat(habit.at("/targetType").asString()).isEqualTo("at_most");
		assertThat(habit.at("/target").decimalValue()).isEqualByComparingTo("1");
		assertThat(habit.at("/schedule/type").asString()).isEqualTo("weekdays");
		assertThat(habit.at("/schedule/days").toString()).isEqualTo("[\"monday\",\"wednesday\"]");
		assertThat(habit.at("/reminders").toString()).isEqualTo("[\"07:30\",\"21:00\"]");
		assertThat(habit.at("/groupId").asString()).isEqualTo(group);
		assertThat(habit.at("/startDate").asString()).isEqualTo("2026-01-05");
		assertThat(habit.at("/assignedBy").isNull()).isTrue();
	}

	@Test
	void shouldAcceptEverySchedule() {
		for (String schedule : new String[] { "{\"type\":\"daily\"}", "{\"type\":\"times_per_week\",\"times\":3}",
				"{\"type\":\"times_per_month\",\"times\":10}", "{\"type\":\"every_n_days\",\"interval\":3}" }) {
			Http.Response response = this.me.post("/api/v1/habits",
					"{\"name\":\"Habit\",\"schedule\":" + schedule + "}");
			assertThat(response.status()).as(response.body()).isEqualTo(201);
		}
	}

	@Test
	void shouldAnswerARetryWithTheSameIdWithTheExistingHabitAndAnotherUsersIdWithConflict() {
		String id = UUID.randomUUID().toString();
		String body = "{\"id\":\"" + id + "\",\"name\":\"Meditate\"}";
		assertThat(this.me.post("/api/v1/habits", body).status()).isEqualTo(201);
		Http.Response retry = this.me.post("/api/v1/habits", body);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().at("/data/id").asString()).isEqualTo(id);
		assertThat(this.me.get("/api/v1/habits").json().at("/pagination/totalElements").asInt()).isEqualTo(1);
		HabitFixtures other = HabitFixtures.user(this.me.http, this.accounts);
		assertThat(other.post("/api/v1/habits", body).errorCode()).isEqualTo("CONFLICT");
	}

	@Test
	void shouldRefuseInvalidHabitsWithValidationErrors() {
		String[] bodies = { "{}", "{\"name\":\"  \"}", "{\"name\":\"x\",\"kind\":\"maybe\"}",
				"{\"name\":\"x\",\"kind\":\"numeric\"}", "{\"name\":\"x\",\"kind\":\"numeric\",\"target\":-1}",
				"{\"name\":\"x\",\"target\":5}", "{\"name\":\"x\",\"targetType\":\"at_most\"}",
				"{\"name\":\"x\",\"schedule\":{\"type\":\"weekdays\"}}",
				"{\"name\":\"x\",\"schedule\":{\"type\":\"weekdays\",\"days\":[\"funday\"]}}",
				"{\"name\":\"x\",\"schedule\":{\"type\":\"times_per_week\",\"times\":8}}",
				"{\"name\":\"x\",\"schedule\":{\"type\":\"times_per_week\"}}",
				"{\"name\":\"x\",\"schedule\":{\"type\":\"every_n_days\",\"interval\":1}}",
				"{\"name\":\"x\",\"schedule\":{\"type\":\"daily\",\"times\":2}}",
				"{\"name\":\"x\",\"reminders\":[\"25:00\"]}", "{\"name\":\"x\",\"colour\":\"#12\"}",
				"{\"name\":\"x\",\"groupId\":\"" + UUID.randomUUID() + "\"}",
				"{\"name\":\"x\",\"startDate\":\"yesterday\"}", "{\"name\":\"x\",\"unknown\":1}" };
		for (String body : bodies) {
			Http.Response response = this.me.post("/api/v1/habits", body);
			assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(400);
			assertThat(response.errorCode()).as(body).isEqualTo("VALIDATION_ERROR");
		}
		assertThat(this.me.get("/api/v1/habits?sort=secret").status()).isEqualTo(400);
		assertThat(this.me.get("/api/v1/habits/not-a-uuid").status()).isEqualTo(400);
	}

	@Test
	void shouldPatchOnlyTheFieldsSentAndHonourIfMatch() {
		String id = this.me.habit("{\"name\":\"Read\",\"reminders\":[\"21:00\"]}");
		Http.Response read = this.me.get("/api/v1/habits/" + id);
		String etag = read.header("ETag");
		Http.Response patched = this.me.http
			.patch("/api/v1/habits/" + id,
					"{\"name\":\"Read 20 pages\",\"schedule\":{\"type\":\"times_per_week\",\"times\":4}}")
			.bearer(this.me.token)
			.header("If-Match", etag)
			.execute();
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().at("/data/name").asString()).isEqualTo("Read 20 pages");
		assertThat(patched.json().at("/data/schedule/times").asInt()).isEqualTo(4);
		assertThat(patched.json().at("/data/reminders/0").asString()).isEqualTo("21:00");
		assertThat(patched.header("ETag")).isNotEqualTo(etag);
		Http.Response stale = this.me.http.patch("/api/v1/habits/" + id, "{\"name\":\"Again\"}")
			.bearer(this.me.token)
			.header("If-Match", etag)
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
		assertThat(this.me.patch("/api/v1/habits/" + id, "{\"kind\":\"numeric\"}").status()).isEqualTo(400);
	}

	@Test
	void shouldMoveAHabitBetweenGroupsAndOutOfItsGroup() {
		String group = this.me.post("/api/v1/habit-groups", "{\"name\":\"Mind\"}").json().at("/data/id").asString();
		String id = this.me.habit("{\"name\":\"Journal\",\"groupId\":\"" + group + "\"}");
		assertThat(this.me.get("/api/v1/habits?groupId=" + group).json().at("/pagination/totalElements").asInt())
			.isEqualTo(1);
		Http.Response ungrouped = this.me.patch("/api/v1/habits/" + id, "{\"groupId\":\"\"}");
		assertThat(ungrouped.json().at("/data/groupId").isNull()).isTrue();
		assertThat(this.me.get("/api/v1/habits?groupId=" + group).json().at("/pagination/totalElements").asInt())
			.isZero();
	}

	@Test
	void shouldListHabitsByPositionAndReorderThem() {
		String a = this.me.habit("{\"name\":\"A\"}");
		String b = this.me.habit("{\"name\":\"B\"}");
		String c = this.me.habit("{\"name\":\"C\"}");
		assertThat(names()).isEqualTo("[A, B, C]");
		Http.Response reordered = this.me.put("/api/v1/habits/order", "{\"ids\":[\"" + c + "\",\"" + a + "\"]}");
		assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
		assertThat(names()).isEqualTo("[C, A, B]");
		assertThat(this.me.put("/api/v1/habits/order", "{\"ids\":[\"" + UUID.randomUUID() + "\"]}").status())
			.isEqualTo(404);
		assertThat(this.me.put("/api/v1/habits/order", "{\"ids\":[]}").status()).isEqualTo(400);
		assertThat(b).isNotNull();
	}

	@Test
	void shouldArchiveAndRestoreAndFilterByArchived() {
		String kept = this.me.habit("{\"name\":\"Kept\"}");
		String archived = this.me.habit("{\"name\":\"Old\"}");
		Http.Response response = this.me.post("/api/v1/habits/" + archived + "/archive", "");
		assertThat(response.json().at("/data/archived").asBoolean()).isTrue();
		assertThat(this.me.get("/api/v1/habits?archived=false").json().at("/data/0/id").asString()).isEqualTo(kept);
		assertThat(this.me.get("/api/v1/habits?archived=true").json().at("/data/0/id").asString()).isEqualTo(archived);
		Http.Response checkIn = this.me.checkIn(archived, "{}");
		assertThat(checkIn.status()).isEqualTo(409);
		assertThat(checkIn.errorCode()).isEqualTo("CONFLICT");
		assertThat(this.me.post("/api/v1/habits/" + archived + "/restore", "").json().at("/data/archived").asBoolean())
			.isFalse();
		assertThat(this.me.checkIn(archived, "{}").status()).isEqualTo(201);
	}

	@Test
	void shouldDeleteAHabitWithItsCheckIns() {
		String id = this.me.habit("{\"name\":\"Gone\"}");
		String checkIn = this.me.checkIn(id, "{}").json().at("/data/id").asString();
		assertThat(this.me.delete("/api/v1/habits/" + id).status()).isEqualTo(200);
		assertThat(this.me.get("/api/v1/habits/" + id).status()).isEqualTo(404);
		assertThat(this.me.get("/api/v1/habits/" + id + "/check-ins/" + checkIn).status()).isEqualTo(404);
		assertThat(this.me.delete("/api/v1/habits/" + id).status()).isEqualTo(404);
	}

	@Test
	void shouldAnswerAnotherUsersHabitWithNotFound() {
		String id = this.me.habit("{\"name\":\"Mine\"}");
		String checkIn = this.me.checkIn(id, "{}").json().at("/data/id").asString();
		String group = this.me.post("/api/v1/habit-groups", "{\"name\":\"Mine\"}").json().at("/data/id").asString();
		HabitFixtures other = HabitFixtures.user(this.me.http, this.accounts);
		String base = "/api/v1/habits/" + id;
		assertThat(other.get(base).status()).isEqualTo(404);
		assertThat(other.patch(base, "{\"name\":\"x\"}").status()).isEqualTo(404);
		assertThat(other.delete(base).status()).isEqualTo(404);
		assertThat(other.post(base + "/archive", "").status()).isEqualTo(404);
		assertThat(other.post(base + "/pause", "").status()).isEqualTo(404);
		assertThat(other.get(base + "/stats").status()).isEqualTo(404);
		assertThat(other.get(base + "/check-ins").status()).isEqualTo(404);
		assertThat(other.checkIn(id, "{}").status()).isEqualTo(404);
		assertThat(other.patch(base + "/check-ins/" + checkIn, "{\"note\":\"x\"}").status()).isEqualTo(404);
		assertThat(other.delete(base + "/check-ins/" + checkIn).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/habit-groups/" + group).status()).isEqualTo(404);
		assertThat(other.put("/api/v1/habits/order", "{\"ids\":[\"" + id + "\"]}").status()).isEqualTo(404);
		assertThat(
				other.patch("/api/v1/habits/" + other.habit("{\"name\":\"Theirs\"}"), "{\"groupId\":\"" + group + "\"}")
					.status())
			.isEqualTo(400);
		assertThat(other.get("/api/v1/habits").json().at("/pagination/totalElements").asInt()).isEqualTo(1);
	}

	@Test
	void shouldScoreAGroupAsTheMeanStrengthOfItsHabitsAndOrderGroups() {
		LocalDate today = LocalDate.of(2026, 6, 30);
		this.clock.set(HabitFixtures.at(today, 12, 0, "Europe/Berlin"));
		String mind = this.me.post("/api/v1/habit-groups", "{\"name\":\"Mind\"}").json().at("/data/id").asString();
		String body = this.me.post("/api/v1/habit-groups", "{\"name\":\"Body\"}").json().at("/data/id").asString();
		String strong = this.me
			.habit("{\"name\":\"Strong\",\"startDate\":\"" + today.minusDays(6) + "\",\"groupId\":\"" + mind + "\"}");
		this.me.habit("{\"name\":\"Weak\",\"startDate\":\"" + today.minusDays(6) + "\",\"groupId\":\"" + mind + "\"}");
		for (int i = 6; i >= 1; i--) {
			assertThat(this.me.checkIn(strong, "{\"date\":\"" + today.minusDays(i) + "\"}").status()).isEqualTo(201);
		}
		double strength = this.me.get("/api/v1/habits/" + strong).json().at("/data/strength").asDouble();
		assertThat(strength).isGreaterThan(20);
		JsonNode group = this.me.get("/api/v1/habit-groups/" + mind).json().at("/data");
		assertThat(group.at("/habitCount").asInt()).isEqualTo(2);
		assertThat(group.at("/score").asDouble()).isCloseTo(strength / 2, org.assertj.core.api.Assertions.within(0.1));
		assertThat(this.me.put("/api/v1/habit-groups/order", "{\"ids\":[\"" + body + "\"]}").status()).isEqualTo(200);
		JsonNode groups = this.me.get("/api/v1/habit-groups").json().at("/data");
		assertThat(groups.at("/0/name").asString()).isEqualTo("Body");
		assertThat(groups.at("/1/score").asDouble()).isEqualTo(group.at("/score").asDouble());
		assertThat(groups.at("/0/score").isNull()).isTrue();
	}

	@Test
	void shouldRenameAGroupWithIfMatchAndUngroupItsHabitsWhenDeleted() {
		Http.Response created = this.me.post("/api/v1/habit-groups", "{\"name\":\"Mind\"}");
		assertThat(created.status()).isEqualTo(201);
		String group = created.json().at("/data/id").asString();
		String habit = this.me.habit("{\"name\":\"Journal\",\"groupId\":\"" + group + "\"}");
		Http.Response stale = this.me.http.patch("/api/v1/habit-groups/" + group, "{\"name\":\"Head\"}")
			.bearer(this.me.token)
			.header("If-Match", "\"99\"")
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.me.patch("/api/v1/habit-groups/" + group, "{\"name\":\"Head\"}")
			.json()
			.at("/data/name")
			.asString()).isEqualTo("Head");
		assertThat(this.me.post("/api/v1/habit-groups", "{}").status()).isEqualTo(400);
		assertThat(this.me.delete("/api/v1/habit-groups/" + group).status()).isEqualTo(200);
		assertThat(this.me.get("/api/v1/habits/" + habit).json().at("/data/groupId").isNull()).isTrue();
		assertThat(this.me.get("/api/v1/habit-groups/" + group).status()).isEqualTo(404);
	}

	@Test
	void shouldPauseAndResumeWithoutBreakingTheStreak() {
		LocalDate day = LocalDate.of(2026, 7, 1);
		this.clock.set(HabitFixtures.at(day, 20, 0, "Europe/Berlin"));
		String id = this.me.dailyHabit("Stretch", day);
		this.me.checkIn(id, "{}");
		this.clock.set(HabitFixtures.at(day.plusDays(1), 20, 0, "Europe/Berlin"));
		this.me.checkIn(id, "{}");
		Http.Response paused = this.me.post("/api/v1/habits/" + id + "/pause",
				"{\"from\":\"" + day.plusDays(2) + "\",\"until\":\"" + day.plusDays(10) + "\"}");
		assertThat(paused.status()).as(paused.body()).isEqualTo(200);
		assertThat(paused.json().at("/data/pausedFrom").asString()).isEqualTo(day.plusDays(2).toString());
		this.clock.set(HabitFixtures.at(day.plusDays(6), 20, 0, "Europe/Berlin"));
		assertThat(this.me.get("/api/v1/habits/" + id).json().at("/data/paused").asBoolean()).isTrue();
		Http.Response resumed = this.me.post("/api/v1/habits/" + id + "/resume", "");
		assertThat(resumed.json().at("/data/paused").asBoolean()).isFalse();
		this.me.checkIn(id, "{}");
		JsonNode stats = this.me.stats(id);
		assertThat(stats.at("/currentStreak").asInt()).isEqualTo(3);
		JsonNode heatMap = stats.at("/heatMap");
		assertThat(heatMap.get(heatMap.size() - 3).at("/state").asString()).isEqualTo("paused");
		assertThat(this.me
			.post("/api/v1/habits/" + id + "/pause",
					"{\"from\":\"" + day.plusDays(9) + "\",\"until\":\"" + day.plusDays(8) + "\"}")
			.status()).isEqualTo(400);
	}

	private String names() {
		JsonNode data = this.me.get("/api/v1/habits").json().at("/data");
		java.util.List<String> names = new java.util.ArrayList<>();
		data.forEach((habit) -> names.add(habit.at("/name").asString()));
		return names.toString();
	}

}
