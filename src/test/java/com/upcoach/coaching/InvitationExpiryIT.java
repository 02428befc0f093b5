package com.upcoach.coaching;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.audit.AuditOutcome;
import com.upcoach.platform.audit.AuditQuery;
import com.upcoach.platform.audit.AuditTrail;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations and requests lapse after 7 days; every change is audited and published. The
 * invitation is made with the clock set back, so the requests over HTTP run at the real
 * time with fresh tokens.
 */
@IntegrationTest
@Import(CoachingTestConfiguration.class)
class InvitationExpiryIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	@Autowired
	CoachAccess access;

	@Autowired
	AuditTrail audit;

	@Autowired
	CoachingTestConfiguration.ShiftedClock clock;

	@Autowired
	CoachingTestConfiguration.PublishedEvents published;

	Http http;

	UserView coach;

	UserView client;

	String clientToken;

	String coachToken;

	@BeforeEach
	void setUp() {
		this.clock.reset();
		this.http = new Http(this.port);
		this.coach = AccountFixtures.create(this.accounts, Role.COACH);
		this.client = AccountFixtures.create(this.accounts, Role.USER);
		this.coachToken = this.http.login(this.coach.email(), AccountFixtures.PASSWORD);
		this.clientToken = this.http.login(this.client.email(), AccountFixtures.PASSWORD);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void shouldNotAcceptAnInvitationSevenDaysAfterItWasSent() {
		this.clock.shift(Duration.ofDays(-7).minusMinutes(1));
		RelationshipView invitation = this.coaching.invite(coachId(), null, this.client.email(), null).value();
		this.clock.reset();

		assertThat(this.http.get("/api/v1/coaching/invitations")
			.bearer(this.clientToken)
			.execute()
			.json()
			.at("/pagination/totalElements")
			.asLong()).isZero();
		assertThat(this.http
			.post("/api/v1/coaching/invitations/" + invitation.id() + "/accept", "{\"sharedAreas\":[\"habits\"]}")
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(404);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();

		Http.Response again = this.http
			.post("/api/v1/coaching/invitations", "{\"email\":\"" + this.client.email() + "\"}")
			.bearer(this.coachToken)
			.execute();
		assertThat(again.status()).as("a lapsed invitation does not block a new one").isEqualTo(201);
		assertThat(again.json().at("/data/id").asString()).isNotEqualTo(invitation.id().toString());
		assertThat(this.audit
			.search(new AuditQuery("COACHING_EXPIRED", null, null, this.client.id(), null, null, null, null),
					PageRequest.of(0, 5))
			.getContent()).singleElement()
			.satisfies(
					(event) -> assertThat(event.details()).containsEntry("relationshipId", invitation.id().toString()));
	}

	@Test
	void shouldStillAcceptAnInvitationJustBeforeItLapses() {
		this.clock.shift(Duration.ofDays(-7).plusMinutes(5));
		RelationshipView invitation = this.coaching.invite(coachId(), null, this.client.email(), null).value();
		this.clock.reset();

		assertThat(this.http
			.post("/api/v1/coaching/invitations/" + invitation.id() + "/accept", "{\"sharedAreas\":[\"habits\"]}")
			.bearer(this.clientToken)
			.execute()
			.status()).isEqualTo(200);
	}

	@Test
	void shouldRefuseALapsedCode() {
		this.clock.shift(Duration.ofDays(-8));
		InvitationCode code = this.coaching.createCode(coachId(), null, null).value();
		this.clock.reset();

		Http.Response redeemed = this.http
			.post("/api/v1/coaching/invitations/redeem",
					"{\"code\":\"" + code.code() + "\",\"sharedAreas\":[\"habits\"]}")
			.bearer(this.clientToken)
			.execute();
		assertThat(redeemed.status()).isEqualTo(400);
		assertThat(this.access.canView(coachId(), clientId(), SharedArea.HABITS)).isFalse();
	}

	@Test
	void shouldAuditAndPublishEveryChange() {
		RelationshipView invitation = this.coaching.invite(coachId(), null, this.client.email(), null).value();
		this.coaching.acceptInvitation(clientId(), invitation.id(), Set.of(SharedArea.HABITS));
		this.coaching.share(clientId(), invitation.id(), Set.of(SharedArea.MOOD), null);
		this.coaching.end(clientId(), invitation.id());

		assertThat(this.audit
			.search(new AuditQuery(null, AuditOutcome.SUCCESS, null, null, this.client.id(), null, null, null),
					PageRequest.of(0, 50))
			.map((event) -> event.type())
			.getContent()).contains("COACHING_INVITATION_SENT", "COACHING_INVITATION_ACCEPTED",
					"COACHING_SHARED_AREAS_CHANGED", "COACHING_ENDED");
		assertThat(this.published.of(CoachInvitationSent.class))
			.contains(new CoachInvitationSent(invitation.id(), this.coach.id(), this.client.id()));
		assertThat(this.published.of(CoachInvitationAccepted.class))
			.contains(new CoachInvitationAccepted(invitation.id(), this.coach.id(), this.client.id()));
		assertThat(this.published.of(SharedAreasChanged.class))
			.contains(new SharedAreasChanged(invitation.id(), this.coach.id(), this.client.id()));
		assertThat(this.published.of(CoachingRelationshipEnded.class)).contains(
				new CoachingRelationshipEnded(invitation.id(), this.coach.id(), this.client.id(), this.client.id()));
	}

	private UserId coachId() {
		return new UserId(this.coach.id());
	}

	private UserId clientId() {
		return new UserId(this.client.id());
	}

}
