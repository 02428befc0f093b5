package com.upcoach.identity.oauth2;

import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a configured provider, social sign-in is simply absent.
 */
@IntegrationTest
class SocialLoginOffIT {

	@LocalServerPort
	int port;

	@Test
	void shouldOfferNoProvidersWhenNoneIsConfigured() {
		Http.Response providers = new Http(this.port).get("/api/v1/auth/oauth2/providers").execute();
		assertThat(providers.status()).isEqualTo(200);
		assertThat(providers.json().at("/data").size()).isZero();
		RoundTripBrowser browser = new RoundTripBrowser(this.port);
		assertThat(browser.get("/test/social").body()).doesNotContain("social-sign-in", "Continue with");
	}

	@Test
	void shouldTreatTheAuthorizationPathAsAnOrdinaryProtectedPage() {
		RoundTripBrowser.Landing landing = new RoundTripBrowser(this.port).open("/oauth2/authorization/google");
		assertThat(landing.uri().getPath()).isEqualTo("/login");
	}

}
