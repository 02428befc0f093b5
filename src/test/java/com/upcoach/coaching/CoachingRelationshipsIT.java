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

	@Test
	void shouldLetTheClientChangeWhatTheCoachSeesWithIfMatch() {
		RelationshipView relationship = CoachingFixtures.connect(this.context, this.coach, this.client,
				SharedArea.HABITS);
		String path = "/api/v1/coaching/relationships/" + relationship.id();
		Http.Response read = this.http.get(path).bearer(this.clientToken).execute();
		String etag = read.header("ETag");
		assertThat(etag).isNotBlank();

		Http.Response changed = this.http.patch(path, "{\"sharedAreas\":[\"journal\",\"goals\"]}")
			.bearer(this.clientToken)
			.header("If-Match", etag)
			.execute();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.JOURNAL)).isTrue();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();

		Http.Response stale = this.http.patch(path, "{\"sharedAreas\":[\"habits\"]}")
			.bearer(this.clientToken)
			.header("If-Match", etag)
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();
	}

	@Test
	void shouldLetOnlyTheClientChangeWhatIsShared() {
		RelationshipView relationship = CoachingFixtures.connect(this.context, this.coach, this.client,
				SharedArea.HABITS);
		String path = "/api/v1/coaching/relationships/" + relationship.id();
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		String otherToken = this.http.login(other.email(), AccountFixtures.PASSWORD);
		String everything = "{\"sharedAreas\":[\"habits\",\"goals\",\"tasks\",\"mood\",\"journal\"]}";
		assertThat(this.http.patch(path, everything).bearer(this.coachToken).execute().status()).isEqualTo(404);
		assertThat(this.http.patch(path, everything).bearer(otherToken).execute().status()).isEqualTo(404);
		assertThat(this.http.get(path).bearer(otherToken).execute().status()).isEqualTo(404);
		assertThat(this.http.delete(path).bearer(otherToken).execute().status()).isEqualTo(404);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.JOURNAL)).isFalse();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isTrue();
	}

	@Test
	void shouldEndTheRelationshipWhenTheCoachEndsIt() {
		RelationshipView relationship = CoachingFixtures.connect(this.context, this.coach, this.client,
				SharedArea.MOOD);
		assertThat(this.http.delete("/api/v1/coaching/relationships/" + relationship.id())
			.bearer(this.coachToken)
			.execute()
			.status()).isEqualTo(200);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.MOOD)).isFalse();
		assertThat(this.http.get("/api/v1/coaching/coaches")
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isZero();
		assertThat(this.http.delete("/api/v1/coaching/relationships/" + relationship.id())
			.bearer(this.clientToken)
			.execute()
			.status()).as("an ended relationship is gone").isEqualTo(404);
	}

	@Test
	void shouldLetAClientHaveSeveralCoachesSharingDifferentAreas() {
		UserView second = AccountFixtures.create(this.accounts, Role.COACH);
		CoachingFixtures.connect(this.context, this.coach, this.client, SharedArea.HABITS);
		CoachingFixtures.connect(this.context, second, this.client, SharedArea.JOURNAL);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isTrue();
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.JOURNAL)).isFalse();
		assertThat(this.access.canView(new UserId(second.id()), clientId(), SharedArea.JOURNAL)).isTrue();
		assertThat(this.access.canView(new UserId(second.id()), clientId(), SharedArea.HABITS)).isFalse();
		assertThat(this.http.get("/api/v1/coaching/coaches")
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isEqualTo(2);
	}

	@Test
	void shouldNotConnectWhenTheClientDeclines() {
		String id = this.http.post("/api/v1/coaching/invitations", "{\"email\":\"" + this.client.email() + "\"}")
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/data/id")
			.asString();
		assertThat(this.http.post("/api/v1/coaching/invitations/" + id + "/decline", "")
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(200);
		assertThat(this.http.post("/api/v1/coaching/invitations/" + id + "/accept", "{\"sharedAreas\":[\"habits\"]}")
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(404);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();
	}

	@Test
	void shouldHideAnInvitationFromEveryoneButTheInvitee() {
		String id = this.http.post("/api/v1/coaching/invitations", "{\"email\":\"" + this.client.email() + "\"}")
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/data/id")
			.asString();
		UserView other = AccountFixtures.create(this.accounts, Role.USER);
		String otherToken = this.http.login(other.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.post("/api/v1/coaching/invitations/" + id + "/accept", "{\"sharedAreas\":[\"habits\"]}")
			.bearer(otherToken)
			.execute()
			.status()).isEqualTo(404);
		assertThat(this.http.post("/api/v1/coaching/invitations/" + id + "/decline", "")
			.bearer(otherToken)
			.execute()
			.status()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/coaching/invitations")
			.bearer(otherToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isZero();
		assertThat(this.access.canView(coachId(), new UserId(other.id()), SharedArea.HABITS)).isFalse();
	}

	@Test
	void shouldLetTheCoachTakeBackAPendingInvitation() {
		Http.Response invited = this.http
			.post("/api/v1/coaching/invitations", "{\"email\":\"" + this.client.email() + "\"}")
			.bearer(this.coachToken)
			.execute();
		String id = invited.json().at("/data/id").asString();
		assertThat(this.http.get("/api/v1/coaching/invitations/sent")
			.bearer(this.coachToken)
			.execute()
			.json()
			.at("/data/0/inviteeEmail")
			.asString()).isEqualTo(this.client.email());
		assertThat(this.http.delete("/api/v1/coaching/relationships/" + id).bearer(this.coachToken).execute().status())
			.isEqualTo(200);
		assertThat(this.http.post("/api/v1/coaching/invitations/" + id + "/accept", "{\"sharedAreas\":[\"habits\"]}")
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(404);
	}

	@Test
	void shouldRefuseInvalidInvitationsAndAnswersWith400() {
		assertThat(invite("{\"email\":\"not-an-email\"}").status()).isEqualTo(400);
		assertThat(invite("{}").status()).isEqualTo(400);
		assertThat(invite("{\"email\":\"" + this.client.email() + "\",\"role\":\"admin\"}").status()).isEqualTo(400);
		assertThat(invite("{\"email\":\"" + this.coach.email() + "\"}").status()).as("yourself").isEqualTo(400);
		String id = invite("{\"email\":\"" + this.client.email() + "\"}").json().at("/data/id").asString();
		for (String body : new String[] { "{}", "{\"sharedAreas\":[\"diet\"]}", "{\"sharedAreas\":[null]}",
				"{\"sharedAreas\":\"habits\"}", "not json" }) {
			Http.Response answer = this.http.post("/api/v1/coaching/invitations/" + id + "/accept", body)
				.bearer(this.clientToken)
				.execute();
			assertThat(answer.status()).as(body).isEqualTo(400);
		}
		assertThat(this.http.post("/api/v1/coaching/invitations/redeem", "{\"code\":\"short\",\"sharedAreas\":[]}")
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(400);
		assertThat(this.http.post("/api/v1/coaching/invitations/not-a-uuid/accept", "{\"sharedAreas\":[]}")
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(400);
	}

	@Test
	void shouldNotLetAnAdminActAsACoach() {
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		String adminToken = this.http.login(admin.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.post("/api/v1/coaching/invitations", "{\"email\":\"" + this.client.email() + "\"}")
			.bearer(adminToken)
			.execute()
			.status()).isEqualTo(403);
		assertThat(this.http.get("/api/v1/coaching/clients").bearer(adminToken).execute().status()).isEqualTo(403);
	}

	@Test
	void shouldReturnTheSameInvitationForARetryWithTheSameId() {
		String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"email\":\"" + this.client.email() + "\"}";
		assertThat(invite(body).status()).isEqualTo(201);
		assertThat(invite(body).status()).isEqualTo(200);
		UserView other = AccountFixtures.create(this.accounts, Role.COACH);
		assertThat(this.http.post("/api/v1/coaching/invitations", body)
			.bearer(this.http.login(other.email(), AccountFixtures.PASSWORD))
			.execute()
			.status()).isEqualTo(409);
	}

	private Http.Response invite(String body) {
		return this.http.post("/api/v1/coaching/invitations", body).bearer(this.coachToken).execute();
	}

	@Test
	void shouldShowAnInvitationToThePersonWhoSignsUpWithTheInvitedAddress() {
		String email = AccountFixtures.uniqueEmail("later");
		String id = invite("{\"email\":\"" + email + "\"}").json().at("/data/id").asString();
		UserView later = this.accounts.createAccount(new AccountManagement.NewAccount(email, AccountFixtures.PASSWORD,
				"Later Member", Role.USER, java.time.ZoneId.of("UTC"), java.util.Locale.ENGLISH));
		String laterToken = this.http.login(later.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.get("/api/v1/coaching/invitations")
			.bearer(laterToken)
			.execute()
			.json()
			.at("/data/0/id")
			.asString()).isEqualTo(id);
		Http.Response accepted = this.http
			.post("/api/v1/coaching/invitations/" + id + "/accept", "{\"sharedAreas\":[\"mood\"]}")
			.bearer(laterToken)
			.execute();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().at("/data/client/id").asString()).isEqualTo(later.id().toString());
		assertThat(this.access.canView(coachId(), new UserId(later.id()), SharedArea.MOOD)).isTrue();
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

}
