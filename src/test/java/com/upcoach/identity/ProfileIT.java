package com.upcoach.identity;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile endpoints: auditing columns, optimistic locking with If-Match, cache-aside
 * reads and invalidation on write, pagination of the admin list.
 */
@IntegrationTest
class ProfileIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	UserView member;

	String token;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.member = AccountFixtures.create(this.accounts, Role.USER);
		this.token = this.http.login(this.member.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldRecordWhoChangedTheRowAndBumpItsVersion() {
		assertThat(this.jdbc.queryForObject("select created_by from users where id = ?", UUID.class, this.member.id()))
			.as("created by the system, not a user")
			.isNull();
		Http.Response response = this.http
			.patch("/api/v1/users/me", "{\"timeZone\":\"America/New_York\",\"locale\":\"en-US\"}")
			.bearer(this.token)
			.execute();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		assertThat(response.json().at("/data/timeZone").asString()).isEqualTo("America/New_York");
		assertThat(this.jdbc.queryForObject("select updated_by from users where id = ?", UUID.class, this.member.id()))
			.isEqualTo(this.member.id());
		assertThat(this.jdbc.queryForObject("select version from users where id = ?", Long.class, this.member.id()))
			.isEqualTo(1L);
	}

	@Test
	void shouldRefuseAWriteBasedOnAStaleVersion() {
		String etag = this.http.get("/api/v1/users/me").bearer(this.token).execute().header("ETag");
		assertThat(this.http.patch("/api/v1/users/me", "{\"name\":\"First\"}")
			.header("If-Match", etag)
			.bearer(this.token)
			.execute()
			.status()).isEqualTo(200);
		Http.Response stale = this.http.patch("/api/v1/users/me", "{\"name\":\"Second\"}")
			.header("If-Match", etag)
			.bearer(this.token)
			.execute();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
		assertThat(this.http.get("/api/v1/users/me").bearer(this.token).execute().json().at("/data/name").asString())
			.isEqualTo("First");
	}

	@Test
	void shouldServeProfileReadsFromTheCacheUntilAWriteEvictsThem() {
		this.http.get("/api/v1/users/me").bearer(this.token).execute();
		this.jdbc.update("update users set display_name = 'Changed Underneath' where id = ?", this.member.id());
		assertThat(name()).isEqualTo(this.member.name());
		this.http.patch("/api/v1/users/me", "{\"locale\":\"fr-FR\"}").bearer(this.token).execute();
		assertThat(name()).isEqualTo("Changed Underneath");
	}

	@Test
	void shouldRejectInvalidProfileValuesWithoutChangingAnything() {
		Http.Response zone = this.http.patch("/api/v1/users/me", "{\"timeZone\":\"Mars/Olympus\"}")
			.bearer(this.token)
			.execute();
		assertThat(zone.status()).isEqualTo(400);
		assertThat(zone.json().at("/error/details/0/field").asString()).isEqualTo("timeZone");
		Http.Response blank = this.http.patch("/api/v1/users/me", "{\"name\":\"   \"}").bearer(this.token).execute();
		assertThat(blank.status()).isEqualTo(400);
		assertThat(name()).isEqualTo(this.member.name());
	}

	@Test
	void shouldPageFilterAndSortTheUserList() {
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		String adminToken = this.http.login(admin.email(), AccountFixtures.PASSWORD);
		for (int i = 0; i < 3; i++) {
			AccountFixtures.create(this.accounts, Role.COACH);
		}
		Http.Response page = this.http.get("/api/v1/users?role=coach&size=2&page=1&sort=email,asc")
			.bearer(adminToken)
			.execute();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().at("/data").size()).isEqualTo(2);
		assertThat(page.json().at("/pagination/size").asInt()).isEqualTo(2);
		assertThat(page.json().at("/pagination/totalElements").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(page.json().at("/pagination/hasNext").asBoolean()).isTrue();
		assertThat(page.json().at("/data").findValuesAsString("role")).containsOnly("coach");
		String first = page.json().at("/data/0/email").asString();
		String second = page.json().at("/data/1/email").asString();
		assertThat(first.compareTo(second)).isNegative();

		Http.Response search = this.http.get("/api/v1/users?q=" + this.member.email().substring(0, 12))
			.bearer(adminToken)
			.execute();
		assertThat(search.json().at("/data").findValuesAsString("email")).contains(this.member.email());

		Http.Response capped = this.http.get("/api/v1/users?size=5000").bearer(adminToken).execute();
		assertThat(capped.json().at("/pagination/size").asInt()).isEqualTo(100);
		Http.Response zero = this.http.get("/api/v1/users?page=0").bearer(adminToken).execute();
		assertThat(zero.status()).isEqualTo(400);
	}

	private String name() {
		return this.http.get("/api/v1/users/me").bearer(this.token).execute().json().at("/data/name").asString();
	}

}
