package com.upcoach.identity;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored hash format is a contract with every hash already in the database, and the
 * parameters are the ones ADR 0006 measured (and {@code PasswordHashBenchmark} repeats).
 */
class PasswordConfigurationTests {

	private final PasswordEncoder encoder = new PasswordConfiguration().passwordEncoder();

	@Test
	void shouldHashNewPasswordsWithArgon2idAtOwaspParameters() {
		String hash = this.encoder.encode("correct horse battery staple");
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(this.encoder.matches("correct horse battery staple", hash)).isTrue();
		assertThat(this.encoder.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void shouldAcceptTheSpecsBcryptHashesAndAskToUpgradeThem() {
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("imported password");
		assertThat(this.encoder.matches("imported password", bcrypt)).isTrue();
		assertThat(this.encoder.matches("another password", bcrypt)).isFalse();
		assertThat(this.encoder.upgradeEncoding(bcrypt)).isTrue();
	}

	@Test
	void shouldAcceptBareBcryptHashesAsTheNodePlatformStoredThem() {
		String nodeHash = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 4)
			.encode("imported password");
		assertThat(nodeHash).startsWith("$2b$04$");
		assertThat(this.encoder.matches("imported password", nodeHash)).isTrue();
		assertThat(this.encoder.matches("another password", nodeHash)).isFalse();
		assertThat(this.encoder.upgradeEncoding(nodeHash)).isTrue();
	}

}
