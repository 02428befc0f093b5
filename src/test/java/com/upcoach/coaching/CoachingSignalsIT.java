package com.upcoach.coaching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach's client list and overview: at-risk signals gathered only from the areas a
 * client shares, on the client's local day, sorted by risk or name.
 */
@IntegrationTest
@Import(CoachingTestConfiguration.class)
class CoachingSignalsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	@Autowired
	CoachingTestConfiguration.TestSignals habitSignals;

	@Autowired
	CoachingTestConfiguration.TestSignals journalSignals;

	@Autowired
	CoachingTestConfiguration.ShiftedClock clock;

	Http http;

	UserView coach;

	String coachToken;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@BeforeEach
	void setUp() {
		this.clock.reset();
		this.http = new Http(this.port);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.coachToken = this.http.login(this.coach.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldGatherSignalsOnlyFromTheAreasTheClientShares() {
		UserView client = client("Sam Shares-Habits", "Europe/Berlin");
		CoachingFixtures.connect(this.coaching, this.coach, client, SharedArea.HABITS, SharedArea.GOALS);
		this.habitSignals.signals.put(client.id(),
				List.of(new RiskSignal("test_missed_days", "high", "Missed 'Stretch' 3 days in a row")));
		this.journalSignals.signals.put(client.id(),
				List.of(new RiskSignal("test_journal_silence", "medium", "No journal entry for 10 days")));
		Instant active = Instant.parse("2026-11-30T18:00:00Z");
		this.habitSignals.lastActivity.put(client.id(), active);
		this.journalSignals.lastActivity.put(client.id(), active.plusSeconds(3600));

		Http.Response overview = this.http.get("/api/v1/coaching/clients/" + client.id())
			.bearer(this.coachToken)
			.execute();
		assertThat(overview.status()).as(overview.body()).isEqualTo(200);
		JsonNode data = overview.json().at("/data");
		assertThat(data.at("/signals").toString()).contains("test_missed_days").doesNotContain("test_journal_silence");
		assertThat(data.at("/risk").asString()).isEqualTo("high");
		assertThat(Instant.parse(data.at("/lastActivity").asString())).isEqualTo(active);
		assertThat(this.journalSignals.askedFor).doesNotContainKey(client.id());

		JsonNode listed = this.http.get("/api/v1/coaching/clients").bearer(this.coachToken).execute().json();
		assertThat(listed.at("/data/0/client/id").asString()).isEqualTo(client.id().toString());
		assertThat(listed.at("/data/0/signals").toString()).doesNotContain("test_journal_silence");
		assertThat(listed.at("/data/0/sharedAreas").toString()).contains("habits", "goals");
	}

	@Test
	void shouldAskForSignalsOnEachClientsOwnLocalDay() {
		// Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: never the same
		// day.
		UserView east = client("Erin East", "Pacific/Kiritimati");
		UserView west = client("Wes West", "Pacific/Pago_Pago");
		CoachingFixtures.connect(this.coaching, this.coach, east, SharedArea.HABITS);
		CoachingFixtures.connect(this.coaching, this.coach, west, SharedArea.HABITS);

		assertThat(this.http.get("/api/v1/coaching/clients").bearer(this.coachToken).execute().status()).isEqualTo(200);

		LocalDate eastToday = this.habitSignals.askedFor.get(east.id());
		LocalDate westToday = this.habitSignals.askedFor.get(west.id());
		assertThat(eastToday).isEqualTo(east.calendar().today(this.clock));
		assertThat(westToday).isEqualTo(west.calendar().today(this.clock));
		assertThat(eastToday).isAfter(westToday);
	}

	@Test
	void shouldListTheMostAtRiskClientsFirstOrByName() {
		UserView calm = client("Alex Calm", "Europe/London");
		UserView worried = client("Zoe Worried", "Europe/London");
		UserView watch = client("Mia Watch", "Europe/London");
		for (UserView client : List.of(calm, worried, watch)) {
			CoachingFixtures.connect(this.coaching, this.coach, client, SharedArea.HABITS);
		}
		this.habitSignals.signals.put(worried.id(), List.of(new RiskSignal("test_low", "low", "A little behind"),
				new RiskSignal("test_high", "high", "Strength falling fast")));
		this.habitSignals.signals.put(watch.id(), List.of(new RiskSignal("test_medium", "medium", "Slipping")));

		assertThat(names("")).containsExactly("Zoe Worried", "Mia Watch", "Alex Calm");
		assertThat(names("?sort=name")).containsExactly("Alex Calm", "Mia Watch", "Zoe Worried");
		assertThat(names("?sort=risk,asc")).containsExactly("Alex Calm", "Mia Watch", "Zoe Worried");
		JsonNode worriedFirst = this.http.get("/api/v1/coaching/clients").bearer(this.coachToken).execute().json();
		assertThat(worriedFirst.at("/data/0/signals/0/severity").asString()).isEqualTo("high");
		JsonNode paged = this.http.get("/api/v1/coaching/clients?size=2&page=2")
			.bearer(this.coachToken)
			.execute()
			.json();
		assertThat(paged.at("/data").size()).isEqualTo(1);
		assertThat(paged.at("/pagination/totalElements").asLong()).isEqualTo(3);
		assertThat(this.http.get("/api/v1/coaching/clients?sort=email").bearer(this.coachToken).execute().status())
			.isEqualTo(400);
	}

	@Test
	void shouldCountTheClientsDayFromTheirDayStartHourAcrossTheSpringForwardNight() {
		// London moves from GMT to BST at 01:00 UTC on 29 March 2026; this client's days
		// start at 04:00 local time.
		UserView client = client("Nora Night-Owl", "Europe/London");
		this.accounts.updateProfile(new UserId(client.id()),
				new AccountManagement.ProfileChanges(null, null, null, null, null, null, 4), null);
		CoachingFixtures.connect(this.coaching, this.coach, client, SharedArea.HABITS);

		assertThat(askedAt(client, "2026-03-29T02:30:00Z")).as("03:30 BST, before the day starts")
			.isEqualTo(LocalDate.parse("2026-03-28"));
		assertThat(askedAt(client, "2026-03-29T03:30:00Z")).as("04:30 BST").isEqualTo(LocalDate.parse("2026-03-29"));
		assertThat(askedAt(client, "2026-03-28T03:30:00Z")).as("03:30 GMT the day before")
			.isEqualTo(LocalDate.parse("2026-03-27"));
	}

	private LocalDate askedAt(UserView client, String instant) {
		this.clock.shift(Duration.between(Instant.now(), Instant.parse(instant)));
		try {
			this.coaching.client(new UserId(this.coach.id()), new UserId(client.id()));
		}
		finally {
			this.clock.reset();
		}
		return this.habitSignals.askedFor.get(client.id());
	}

	private List<String> names(String query) {
		JsonNode data = this.http.get("/api/v1/coaching/clients" + query)
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/data");
		return data.valueStream().map((client) -> client.at("/client/name").asString()).toList();
	}

	private UserView client(String name, String zone) {
		return this.accounts.createAccount(new AccountManagement.NewAccount(AccountFixtures.uniqueEmail("client"),
				AccountFixtures.PASSWORD, name, Role.USER, ZoneId.of(zone), Locale.ENGLISH));
	}

}
