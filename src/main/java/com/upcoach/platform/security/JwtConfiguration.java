package com.upcoach.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.crypto.SecretKey;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import com.upcoach.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

	@Bean
	SecretKey accessTokenSigningKey(SecuritySettings settings) {
		return SigningKeys.load(settings.jwt());
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey accessTokenSigningKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(accessTokenSigningKey));
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey accessTokenSigningKey, SecuritySettings settings) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(accessTokenSigningKey)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(settings.jwt().audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(settings.jwt().issuer()), audience));
		return decoder;
	}

	/**
	 * Maps the {@code role} claim to {@code ROLE_*} and each {@code permissions} entry to
	 * an authority of its own ({@code read:own}).
	 */
	static Converter<Jwt, JwtAuthenticationToken> authenticationConverter() {
		return (jwt) -> new JwtAuthenticationToken(jwt, authoritiesOf(jwt), jwt.getSubject());
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
