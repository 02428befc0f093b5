package com.upcoach.identity;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * Argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane) for new
	 * hashes; bcrypt hashes (the spec's 14 rounds) still verify and are replaced at the
	 * next sign-in, so accounts imported from the Node platform keep working. Their
	 * hashes come as bare {@code $2b$14$...} strings, without our {@code {bcrypt}}
	 * prefix, so a hash without a prefix is taken for bcrypt. ADR 0006 has the measured
	 * costs.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(14);
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", argon2id(), "bcrypt", bcrypt));
		encoder.setDefaultPasswordEncoderForMatches(bcrypt);
		return encoder;
	}

	static Argon2PasswordEncoder argon2id() {
		return new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
	}

}
