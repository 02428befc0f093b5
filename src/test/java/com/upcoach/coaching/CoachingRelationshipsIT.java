package com.upcoach.coaching;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.OutboxMailView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations, acceptance with chosen areas, revocation and what a coach may see.
 */
@IntegrationTest
class CoachingRelationshipsIT {

	private static final Pattern CODE = Pattern.compile("code=([0-9A-Z-]{14})");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachAccess access;

	@Autowired
	MailOutbox outbox;

	@Autowired
	ApplicationContext context;

	Http http;

	UserView coach;

	UserView client;

	String coachToken;

	String clientToken;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		this.coachToken = this.http.login(this.coach.email(), AccountFixtures.PASSWORD);
		this.clientToken = this.http.login(this.client.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldLetAnInvitedClientAcceptAndChooseWhatTheCoachSees() {
		Http.Response invited = this.http
			.post("/api/v1/coaching/invitations",
					"{\"email\":\"" + this.client.email().toUpperCase() + "\",\"message\":\"Let's work on sleep\"}")
			.bearer(this.coachToken)
			.execute();
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		assertThat(invited.json().at("/data/status").asString()).isEqualTo("pending");
		String id = invited.json().at("/data/id").asString();
		assertThat(invitationMail(this.client.email()).textBody()).contains("Let's work on sleep")
			.contains(this.coach.name());

		JsonNode mine = this.http.get("/api/v1/coaching/invitations").bearer(this.clientToken).execute().json();
		assertThat(mine.at("/data/0/id").asString()).isEqualTo(id);
		assertThat(mine.at("/data/0/coach/name").asString()).isEqualTo(this.coach.name());
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();

		Http.Response accepted = this.http
			.post("/api/v1/coaching/invitations/" + id + "/accept", "{\"sharedAreas\":[\"habits\",\"mood\"]}")
			.bearer(this.clientToken)
			.execute();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().at("/data/status").asString()).isEqualTo("active");
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isTrue();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.MOOD)).isTrue();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.GOALS)).isFalse();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.JOURNAL)).isFalse();
		assertThat(listedUsers()).contains(this.client.id().toString());

		JsonNode coaches = this.http.get("/api/v1/coaching/coaches").bearer(this.clientToken).execute().json();
		assertThat(coaches.at("/data/0/coach/id").asString()).isEqualTo(this.coach.id().toString());
		assertThat(coaches.at("/data/0/sharedAreas").toString()).contains("habits", "mood").doesNotContain("goals");
	}

	@Test
	void shouldNotCreateASecondPendingInvitationForTheSamePerson() {
		String body = "{\"email\":\"" + this.client.email() + "\"}";
		Http.Response first = this.http.post("/api/v1/coaching/invitations", body).bearer(this.coachToken).execute();
		Http.Response second = this.http.post("/api/v1/coaching/invitations", body).bearer(this.coachToken).execute();
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().at("/data/id").asString()).isEqualTo(first.json().at("/data/id").asString());
		assertThat(this.outbox.recent(this.client.email(), 20)
			.stream()
			.filter((mail) -> mail.subject().contains("invites you"))
			.count()).isEqualTo(1);
		assertThat(this.http.get("/api/v1/coaching/invitations")
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isEqualTo(1);
	}

	@Test
	void shouldRemoveTheCoachsAccessTheMomentTheClientRevokes() {
		RelationshipView relationship = CoachingFixtures.connect(this.context, this.coach, this.client,
				SharedArea.HABITS, SharedArea.GOALS);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.GOALS)).isTrue();
		assertThat(listedUsers()).contains(this.client.id().toString());

		assertThat(this.http.delete("/api/v1/coaching/relationships/" + relationship.id())
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(200);

		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.GOALS)).isFalse();
		assertThat(listedUsers()).doesNotContain(this.client.id().toString());
		assertThat(this.http.get("/api/v1/coaching/clients/" + this.client.id())
			.bearer(this.coachToken)
			.execute()
			.status()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/coaching/relationships/" + relationship.id())
			.bearer(this.coachToken)
			.execute()
			.status()).isEqualTo(404);
	}

	@Test
	void shouldRefuseInvitationsFromAUserWhoIsNotACoach() {
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		assertThat(this.http.post("/api/v1/coaching/invitations", "{\"email\":\"" + other.email() + "\"}")
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(403);
		assertThat(
				this.http.post("/api/v1/coaching/invitation-codes", "{}").bearer(this.clientToken).execute().status())
			.isEqualTo(403);
	}

	@Test
	void shouldAcceptACodeOnlyOnce() {
		Http.Response created = this.http.post("/api/v1/coaching/invitation-codes", "{}")
			.bearer(this.coachToken)
			.execute();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String code = created.json().at("/data/code").asString();
		assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

		Http.Response redeemed = this.http
			.post("/api/v1/coaching/invitations/redeem",
					"{\"code\":\"" + code.toLowerCase().replace("-", " ") + "\",\"sharedAreas\":[\"tasks\"]}")
			.bearer(this.clientToken)
			.execute();
		assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.TASKS)).isTrue();

		UserView second = AccountFixtures.create(this.accounts, Role.USER);
		Http.Response again = this.http
			.post("/api/v1/coaching/invitations/redeem", "{\"code\":\"" + code + "\",\"sharedAreas\":[\"tasks\"]}")
			.bearer(this.http.login(second.email(), AccountFixtures.PASSWORD))
			.execute();
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.errorCode()).isEqualTo("VALIDATION_ERROR");
		assertThat(this.access.canView(coachId(), new UserId(second.id()), SharedArea.TASKS)).isFalse();
	}

	@Test
	void shouldLetANewPersonAcceptWithTheCodeFromTheInvitationEmail() {
		String email = AccountFixtures.uniqueEmail("newcomer");
		assertThat(this.http.post("/api/v1/coaching/invitations", "{\"email\":\"" + email + "\"}")
			.bearer(this.coachToken)
			.execute()
			.status()).isEqualTo(201);
		Matcher code = CODE.matcher(invitationMail(email).textBody());
		assertThat(code.find()).isTrue();
		UserView newcomer = this.accounts.createAccount(
				new AccountManagement.NewAccount(email.replace("newcomer", "newcomer-other"), AccountFixtures.PASSWORD,
						"Newcomer", Role.USER, java.time.ZoneId.of("UTC"), java.util.Locale.ENGLISH));
		Http.Response redeemed = this.http
			.post("/api/v1/coaching/invitations/redeem",
					"{\"code\":\"" + code.group(1) + "\",\"sharedAreas\":[\"goals\"]}")
			.bearer(this.http.login(newcomer.email(), AccountFixtures.PASSWORD))
			.execute();
		assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
		assertThat(this.access.canView(coachId(), new UserId(newcomer.id()), SharedArea.GOALS)).isTrue();
	}

	@Test
	void shouldHideAClientFromAnUnrelatedCoach() {
		CoachingFixtures.connect(this.context, this.coach, this.client, SharedArea.HABITS);
		UserView stranger = AccountFixtures.create(this.accounts, Role.COACH);
		String strangerToken = this.http.login(stranger.email(), AccountFixtures.PASSWORD);
		assertThat(
				this.http.get("/api/v1/coaching/clients/" + this.client.id()).bearer(strangerToken).execute().status())
			.isEqualTo(404);
		assertThat(this.http.get("/api/v1/coaching/clients/" + this.client.id() + "/notes")
			.bearer(strangerToken)
			.execute()
			.status()).isEqualTo(404);
		assertThat(this.access.canView(new UserId(stranger.id()), clientId(), SharedArea.HABITS)).isFalse();
		assertThat(this.http.get("/api/v1/coaching/clients/" + this.client.id())
			.bearer(this.coachToken)
			.execute()
			.status()).isEqualTo(200);
	}

	private OutboxMailView invitationMail(String email) {
		return this.outbox.recent(email, 20)
			.stream()
			.filter((mail) -> mail.subject().contains("invites you"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No invitation mail to " + email));
	}

	private String listedUsers() {
		Http.Response users = this.http.get("/api/v1/users?size=100").bearer(this.coachToken).execute();
		assertThat(users.status()).isEqualTo(200);
		return users.json().at("/data").toString();
	}

	private UserId coachId() {
		return new UserId(this.coach.id());
	}

	private UserId clientId() {
		return new UserId(this.client.id());
	}

	static UUID id(Http.Response response) {
		return UUID.fromString(response.json().at("/data/id").asString());
	}

}
