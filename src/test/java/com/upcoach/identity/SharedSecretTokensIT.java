package com.upcoach.identity;

import com.nimbusds.jose.JWSObject;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HS256 for single-node installs: tokens signed with the shared secret, nothing to
 * publish, nothing to rotate through the API.
 */
@IntegrationTest
@TestPropertySource(properties = "upcoach.security.jwt.algorithm=HS256")
class SharedSecretTokensIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void shouldSignWithTheSharedSecretAndPublishNoKeys() throws Exception {
		Http http = new Http(this.port);
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		String token = http.login(admin.email(), AccountFixtures.PASSWORD);
		assertThat(JWSObject.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("HS256");
		assertThat(http.get("/api/v1/users/me").bearer(token).execute().status()).isEqualTo(200);
		assertThat(http.get("/.well-known/jwks.json").execute().json().at("/keys")).isEmpty();
		Http.Response rotate = http.post("/api/v1/admin/signing-keys/rotate", "").bearer(token).execute();
		assertThat(rotate.status()).isEqualTo(409);
		assertThat(rotate.json().at("/error/message").asString()).contains("UPCOACH_SECURITY_JWT_SECRET");
	}

}
