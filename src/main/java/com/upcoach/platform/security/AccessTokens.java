package com.upcoach.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithms;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the spec's access token: a JWT with {@code userId}, {@code email}, {@code role},
 * {@code permissions}, {@code iat} and {@code exp}, plus {@code jti}, {@code iss},
 * {@code aud} and the session id {@code sid} — nothing else.
 */
@Component
public class AccessTokens {

	static final String USER_ID_CLAIM = "userId";

	static final String ROLE_CLAIM = "role";

	static final String PERMISSIONS_CLAIM = "permissions";

	static final String SESSION_CLAIM = "sid";

	private final JwtEncoder encoder;

	private final AccessTokenKeys keys;

	private final SecuritySettings.Jwt settings;

	private final RevokedTokens revoked;

	private final Clock clock;

	AccessTokens(JwtEncoder encoder, AccessTokenKeys keys, SecuritySettings settings, RevokedTokens revoked,
			Clock clock) {
		this.encoder = encoder;
		this.keys = keys;
		this.settings = settings.jwt();
		this.revoked = revoked;
		this.clock = clock;
	}

	public IssuedToken issue(UserId userId, String email, Role role, List<String> permissions, UUID sessionId) {
		Instant now = this.clock.instant();
		Duration ttl = this.settings.accessTokenTtl();
		String jti = UUID.randomUUID().toString();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.id(jti)
			.issuer(this.settings.issuer())
			.audience(List.of(this.settings.audience()))
			.issuedAt(now)
			.expiresAt(now.plus(ttl))
			.claim(USER_ID_CLAIM, userId.toString())
			.claim("email", email)
			.claim(ROLE_CLAIM, role.value())
			.claim(PERMISSIONS_CLAIM, permissions)
			.claim(SESSION_CLAIM, sessionId.toString())
			.build();
		JwsHeader.Builder header = JwsAlgorithms.HS256.equals(this.keys.algorithm().getName())
				? JwsHeader.with(MacAlgorithm.HS256) : JwsHeader.with(SignatureAlgorithm.RS256);
		this.keys.signingKeyId().ifPresent(header::keyId);
		String token = this.encoder.encode(JwtEncoderParameters.from(header.build(), claims)).getTokenValue();
		return new IssuedToken(token, ttl.toSeconds(), jti, now.plus(ttl));
	}

	/**
	 * Refuse this access token from now until it would have expired anyway.
	 * @param token the token presented with the current request
	 */
	public void revoke(Jwt token) {
		this.revoked.revokeToken(token.getId(), token.getExpiresAt());
	}

	/**
	 * Refuse every access token of a session that is still within its lifetime.
	 * @param sessionId the session
	 */
	public void revokeSession(UUID sessionId) {
		this.revoked.revokeSession(sessionId, this.clock.instant().plus(this.settings.accessTokenTtl()));
	}

	public Duration lifetime() {
		return this.settings.accessTokenTtl();
	}

	/**
	 * The user a verified access token was issued to.
	 */
	public static UserId userOf(Jwt token) {
		return UserId.of(token.getClaimAsString(USER_ID_CLAIM));
	}

	/**
	 * The session a token belongs to, if it carries one.
	 * @param token a verified access token
	 * @return the {@code sid} claim, or {@code null}
	 */
	public static UUID sessionOf(Jwt token) {
		String sid = token.getClaimAsString(SESSION_CLAIM);
		return (sid != null) ? UUID.fromString(sid) : null;
	}

	/**
	 * A signed access token.
	 *
	 * @param value the compact JWT
	 * @param expiresInSeconds its lifetime
	 * @param id its {@code jti}
	 * @param expiresAt when it expires
	 */
	public record IssuedToken(String value, long expiresInSeconds, String id, Instant expiresAt) {
	}

}
