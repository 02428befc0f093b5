package com.upcoach.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.TestStack;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The security audit log: who, on whom, from where, in which request; read by admins with
 * filters; never changed.
 */
@IntegrationTest
class AuditIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldRecordAFailedSignInWithAddressUserAgentAndRequestId() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		this.http.post("/api/v1/auth/login", "{\"email\":\"" + member.email() + "\",\"password\":\"wrong-password\"}")
			.header("User-Agent", "AuditProbe/1.0")
			.header("X-Request-Id", "audit-probe-request")
			.execute();
		String adminToken = adminToken();
		Http.Response events = this.http.get("/api/v1/admin/audit-events?type=LOGIN_FAILED&userId=" + member.id())
			.bearer(adminToken)
			.execute();
		assertThat(events.status()).as(events.body()).isEqualTo(200);
		JsonNode event = events.json().at("/data/0");
		assertThat(event.at("/outcome").asString()).isEqualTo("FAILURE");
		assertThat(event.at("/targetId").asString()).isEqualTo(member.id().toString());
		assertThat(event.at("/ipAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(event.at("/userAgent").asString()).isEqualTo("AuditProbe/1.0");
		assertThat(event.at("/requestId").asString()).isEqualTo("audit-probe-request");
		assertThat(event.at("/occurredAt").asString()).isNotBlank();
		assertThat(event.at("/details/reason").asString()).isEqualTo("bad-credentials");
	}

	@Test
	void shouldRecordTheActingAdminOnARoleChange() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		String adminToken = this.http.login(admin.email(), AccountFixtures.PASSWORD);
		this.http.put("/api/v1/users/" + member.id(), """
				{"name":"Coach Now","role":"coach","status":"active","timeZone":"UTC","locale":"en"}""")
			.bearer(adminToken)
			.execute();
		JsonNode event = this.http.get("/api/v1/admin/audit-events?type=ROLE_CHANGED&targetId=" + member.id())
			.bearer(adminToken)
			.execute()
			.json()
			.at("/data/0");
		assertThat(event.at("/actorId").asString()).isEqualTo(admin.id().toString());
		assertThat(event.at("/details/from").asString()).isEqualTo("user");
		assertThat(event.at("/details/to").asString()).isEqualTo("coach");
	}

	@Test
	void shouldLetOnlyAdminsReadTheLogAndValidateFilters() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String memberToken = this.http.login(member.email(), AccountFixtures.PASSWORD);
		assertThat(this.http.get("/api/v1/admin/audit-events").bearer(memberToken).execute().status()).isEqualTo(403);
		assertThat(this.http.get("/api/v1/admin/audit-events").execute().status()).isEqualTo(401);
		String adminToken = adminToken();
		assertThat(this.http.get("/api/v1/admin/audit-events?from=yesterday").bearer(adminToken).execute().status())
			.isEqualTo(400);
		Http.Response page = this.http.get("/api/v1/admin/audit-events?size=2&from=2020-01-01T00:00:00Z")
			.bearer(adminToken)
			.execute();
		assertThat(page.json().at("/data")).hasSizeLessThanOrEqualTo(2);
		assertThat(page.json().at("/pagination/totalElements").asLong()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void shouldRefuseToChangeOrRemoveAnEntryOnPostgresql() {
		assumeTrue(TestStack.isPostgres(), "the append-only trigger is PostgreSQL's");
		AccountFixtures.create(this.accounts, Role.USER);
		this.http.post("/api/v1/auth/login", "{\"email\":\"x@example.test\",\"password\":\"wrong-password\"}")
			.execute();
		assertThatThrownBy(() -> this.jdbc.update("update audit_events set type = 'NOTHING'"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_events")).hasMessageContaining("append-only");
	}

	private String adminToken() {
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		return this.http.login(admin.email(), AccountFixtures.PASSWORD);
	}

}
