package com.upcoach.identity;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed passkey sign-ins name no account, so they count against the client's address,
 * with the same wait as failed passwords (same settings as {@link BruteForceIT}, so the
 * two share an application).
 */
@IntegrationTest
@TestPropertySource(properties = "upcoach.identity.brute-force.address-failures=8")
class PasskeyBruteForceIT {

	private static final AtomicInteger addresses = new AtomicInteger(1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void shouldMakeAnAddressWaitAfterFailedPasskeySignIns() {
		Http http = new Http(this.port);
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String address = "203.0.113." + addresses.getAndIncrement();
		for (int i = 0; i < 8; i++) {
			assertThat(forgedPasskey(http, address).status()).isEqualTo(401);
		}
		Http.Response blocked = forgedPasskey(http, address);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.header("Retry-After")).isNotBlank();
		String login = "{\"email\":\"" + member.email() + "\",\"password\":\"" + AccountFixtures.PASSWORD + "\"}";
		assertThat(http.post("/api/v1/auth/login", login).header("X-Forwarded-For", address).execute().status())
			.isEqualTo(429);
		assertThat(http.post("/api/v1/auth/login", login)
			.header("X-Forwarded-For", "203.0.113." + addresses.getAndIncrement())
			.execute()
			.status()).as("from another address").isEqualTo(200);
	}

	private static Http.Response forgedPasskey(Http http, String address) {
		JsonNode options = http.post("/api/v1/auth/webauthn/authenticate/options", "")
			.header("X-Forwarded-For", address)
			.execute()
			.json()
			.at("/data");
		ObjectNode body = JSON.createObjectNode().put("challengeId", options.at("/challengeId").asString());
		body.putObject("credential")
			.put("id", "AAAA")
			.put("rawId", "AAAA")
			.put("type", "public-key")
			.putObject("response")
			.put("clientDataJSON", "e30")
			.put("authenticatorData", "AAAA")
			.put("signature", "AAAA");
		return http.post("/api/v1/auth/webauthn/authenticate", body.toString())
			.header("X-Forwarded-For", address)
			.execute();
	}

}
