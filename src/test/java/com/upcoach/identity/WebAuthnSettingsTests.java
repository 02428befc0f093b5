package com.upcoach.identity;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebAuthnSettingsTests {

	@Test
	void shouldAllowTheRelyingPartyHostOnAnyPortWhenNoOriginsAreConfigured() {
		WebAuthnSettings settings = settings("localhost", List.of());
		assertThat(settings.allows("http://localhost:8080")).isTrue();
		assertThat(settings.allows("https://localhost")).isTrue();
		assertThat(settings.allows("http://localhost:49152")).isTrue();
	}

	@Test
	void shouldRefuseOtherHostsSchemesAndMalformedOrigins() {
		WebAuthnSettings settings = settings("localhost", List.of());
		assertThat(settings.allows("http://localhost.evil.test:8080")).isFalse();
		assertThat(settings.allows("http://sub.localhost:8080")).isFalse();
		assertThat(settings.allows("ftp://localhost")).isFalse();
		assertThat(settings.allows("http://user@localhost:8080")).isFalse();
		assertThat(settings.allows("http://localhost:8080/path")).isFalse();
		assertThat(settings.allows("not an origin")).isFalse();
		assertThat(settings.allows(null)).isFalse();
	}

	@Test
	void shouldAllowOnlyTheConfiguredOriginsWhenThereAreSome() {
		WebAuthnSettings settings = settings("coach.example.com", List.of("https://coach.example.com/"));
		assertThat(settings.allows("https://coach.example.com")).isTrue();
		assertThat(settings.allows("http://coach.example.com")).isFalse();
		assertThat(settings.allows("https://coach.example.com:8443")).isFalse();
	}

	private static WebAuthnSettings settings(String rpId, List<String> origins) {
		return new WebAuthnSettings(rpId, "UpCoach", origins, Duration.ofMinutes(5));
	}

}
