package com.upcoach.identity;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.upcoach.TestStack;
import com.upcoach.UpCoachApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The one switch to production, {@code SPRING_PROFILES_ACTIVE=prod}: no demo data, secure
 * cookies, and no start without the configured keys: the encryption key that protects the
 * RS256 signing keys and TOTP secrets at rest, and for HS256 the shared signing secret.
 */
class ProductionProfileIT {

	@Test
	void shouldNeverSeedDemoAccountsInProduction() {
		try (ConfigurableApplicationContext node = production().run("--server.port=0")) {
			assertThat(node.getBeansOfType(DemoAccounts.class)).isEmpty();
			assertThat(node.getBean(AccountManagement.class).exists("admin@demo.upcoach.local")).isFalse();
			assertThat(node.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
		}
	}

	@Test
	void shouldRefuseToStartInProductionWithoutAnEncryptionKey() {
		assertThatException()
			.isThrownBy(() -> production().run("--server.port=0", "--upcoach.security.encryption.key="))
			.withStackTraceContaining("UPCOACH_ENCRYPTION_KEY");
	}

	@Test
	void shouldRefuseToStartInProductionWithSharedSecretTokensButNoSecret() {
		assertThatException()
			.isThrownBy(() -> production().run("--server.port=0", "--upcoach.security.jwt.algorithm=HS256",
					"--upcoach.security.jwt.secret="))
			.withStackTraceContaining("UPCOACH_SECURITY_JWT_SECRET");
	}

	private static SpringApplicationBuilder production() {
		String[] stack = new TestStack().resolve(ProductionProfileIT.class);
		String[] profiles = Arrays.copyOf(stack, stack.length + 1);
		profiles[stack.length] = "prod";
		return new SpringApplicationBuilder(UpCoachApplication.class).profiles(profiles);
	}

}
