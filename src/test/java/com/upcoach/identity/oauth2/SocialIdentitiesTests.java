package com.upcoach.identity.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.upcoach.identity.SocialIdentity;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

import static org.assertj.core.api.Assertions.assertThat;

class SocialIdentitiesTests {

	private final SocialProviders providers = new SocialProviders(
			new OAuth2Settings(List.of(), new OAuth2Settings.Client("google-client", "secret"),
					new OAuth2Settings.Client("facebook-app", "secret"),
					new OAuth2Settings.Apple(null, null, null, null), new OAuth2Settings.Oidc(null, null, null, "SSO")),
			Clock.systemUTC());

	@Test
	void shouldTrustTheEmailAnOpenIdProviderVerified() {
		SocialIdentity identity = SocialIdentities.of(oidc("google",
				Map.of("sub", "g-1", "email", "Ada@Example.com", "email_verified", true, "name", "Ada Lovelace")),
				this.providers);
		assertThat(identity)
			.isEqualTo(new SocialIdentity("google", "Google", "g-1", "Ada@Example.com", true, "Ada Lovelace"));
	}

	@Test
	void shouldReadAppleStyleVerificationSentAsText() {
		assertThat(SocialIdentities
			.of(oidc("google", Map.of("sub", "a-1", "email", "a@example.com", "email_verified", "true")),
					this.providers)
			.emailVerified()).isTrue();
		assertThat(SocialIdentities
			.of(oidc("google", Map.of("sub", "a-1", "email", "a@example.com", "email_verified", "false")),
					this.providers)
			.emailVerified()).isFalse();
	}

	@Test
	void shouldNotTrustAnEmailWithoutVerification() {
		assertThat(SocialIdentities.of(oidc("google", Map.of("sub", "x", "email", "x@example.com")), this.providers)
			.emailVerified()).isFalse();
	}

	@Test
	void shouldNeverTreatAFacebookEmailAsVerified() {
		DefaultOAuth2User user = new DefaultOAuth2User(AuthorityUtils.createAuthorityList("OAUTH2_USER"),
				Map.of("id", "fb-7", "email", "fb@example.com", "name", "Face Book"), "id");
		SocialIdentity identity = SocialIdentities
			.of(new OAuth2AuthenticationToken(user, user.getAuthorities(), "facebook"), this.providers);
		assertThat(identity)
			.isEqualTo(new SocialIdentity("facebook", "Facebook", "fb-7", "fb@example.com", false, "Face Book"));
	}

	private static OAuth2AuthenticationToken oidc(String provider, Map<String, Object> claims) {
		OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), claims);
		DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), token);
		return new OAuth2AuthenticationToken(user, user.getAuthorities(), provider);
	}

}
