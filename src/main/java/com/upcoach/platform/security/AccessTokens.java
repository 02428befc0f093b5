package com.upcoach.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the spec's access token: a JWT with {@code userId}, {@code email}, {@code role},
 * {@code permissions}, {@code iat} and {@code exp}, plus {@code jti}, {@code iss} and
 * {@code aud}.
 */
@Component
public class AccessTokens {

	static final String USER_ID_CLAIM = "userId";

	static final String ROLE_CLAIM = "role";

	static final String PERMISSIONS_CLAIM = "permissions";

	private final JwtEncoder encoder;

	private final SecuritySettings.Jwt settings;

	private final Clock clock;

	AccessTokens(JwtEncoder encoder, SecuritySettings settings, Clock clock) {
		this.encoder = encoder;
		this.settings = settings.jwt();
		this.clock = clock;
	}

	public IssuedToken issue(UserId userId, String email, Role role, List<String> permissions) {
		Instant now = this.clock.instant();
		Duration ttl = this.settings.accessTokenTtl();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.issuer(this.settings.issuer())
			.audience(List.of(this.settings.audience()))
			.subject(userId.toString())
			.issuedAt(now)
			.expiresAt(now.plus(ttl))
			.claim(USER_ID_CLAIM, userId.toString())
			.claim("email", email)
			.claim(ROLE_CLAIM, role.value())
			.claim(PERMISSIONS_CLAIM, permissions)
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new IssuedToken(token, ttl.toSeconds());
	}

	/**
	 * A signed access token.
	 *
	 * @param value the compact JWT
	 * @param expiresInSeconds its lifetime
	 */
	public record IssuedToken(String value, long expiresInSeconds) {
	}

}
