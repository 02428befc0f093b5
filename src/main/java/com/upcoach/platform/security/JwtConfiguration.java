package com.upcoach.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import com.upcoach.platform.messaging.ClusterBus;
import com.upcoach.platform.redis.ConditionalOnNoRedis;
import com.upcoach.platform.redis.ConditionalOnRedis;
import com.upcoach.platform.redis.RedisNamespace;
import com.upcoach.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

	@Bean
	AccessTokenKeys accessTokenKeys(SecuritySettings settings, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock, SecretCipher cipher, ClusterBus bus) {
		return switch (settings.jwt().algorithm()) {
			case HS256 -> new HmacKeys(SigningKeys.load(settings.jwt()));
			case RS256 -> new RotatingRsaKeys(jdbc, transactions, clock, settings.jwt(), cipher, bus);
		};
	}

	@Bean
	JwtEncoder jwtEncoder(AccessTokenKeys keys) {
		return new NimbusJwtEncoder(keys.source());
	}

	@Bean
	JwtDecoder jwtDecoder(AccessTokenKeys keys, SecuritySettings settings, RevokedTokens revoked) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(keys.algorithm(), keys.source()));
		// Spring's validators below check the claims.
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(settings.jwt().audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(settings.jwt().issuer()), audience, notRevoked(revoked)));
		return decoder;
	}

	@Bean
	@ConditionalOnRedis
	RevokedTokens redisRevokedTokens(StringRedisTemplate redis, RedisNamespace namespace, Clock clock) {
		return new RedisRevokedTokens(redis, namespace, clock);
	}

	@Bean
	@ConditionalOnNoRedis
	RevokedTokens inMemoryRevokedTokens(Clock clock) {
		return new InMemoryRevokedTokens(clock);
	}

	private static OAuth2TokenValidator<Jwt> notRevoked(RevokedTokens revoked) {
		OAuth2Error error = new OAuth2Error("invalid_token", "The token has been revoked", null);
		return (jwt) -> revoked.isRevoked(jwt.getId(), AccessTokens.sessionOf(jwt))
				? OAuth2TokenValidatorResult.failure(error) : OAuth2TokenValidatorResult.success();
	}

	/**
	 * Maps the {@code role} claim to {@code ROLE_*} and each {@code permissions} entry to
	 * an authority of its own ({@code users:read}).
	 */
	static Converter<Jwt, JwtAuthenticationToken> authenticationConverter() {
		return (jwt) -> new JwtAuthenticationToken(jwt, authoritiesOf(jwt),
				jwt.getClaimAsString(AccessTokens.USER_ID_CLAIM));
	}

	private static Collection<GrantedAuthority> authoritiesOf(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		Role.fromValue(jwt.getClaimAsString(AccessTokens.ROLE_CLAIM))
			.ifPresent((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		List<String> permissions = jwt.getClaimAsStringList(AccessTokens.PERMISSIONS_CLAIM);
		if (permissions != null) {
			permissions.forEach((permission) -> authorities.add(new SimpleGrantedAuthority(permission)));
		}
		return authorities;
	}

}
