package com.upcoach.identity;

import java.time.Clock;
import java.time.Duration;

import com.upcoach.platform.redis.ConditionalOnNoRedis;
import com.upcoach.platform.redis.ConditionalOnRedis;
import com.upcoach.platform.redis.RedisNamespace;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection in the manner of Keycloak. Failures are counted per email
 * (whether or not an account has it, so a wait reveals nothing) and per client address.
 * Past the threshold each failure doubles the wait, up to the maximum; a successful
 * sign-in clears the account's count.
 */
@Component
class LoginThrottle {

	private final FailureCounters counters;

	private final IdentitySettings.BruteForce settings;

	LoginThrottle(FailureCounters counters, IdentitySettings settings) {
		this.counters = counters;
		this.settings = settings.bruteForce();
	}

	/**
	 * @return how long this email or address must still wait before trying again
	 */
	Duration remainingWait(String email, String address) {
		Duration account = this.counters.remainingWait(accountKey(email));
		Duration client = this.counters.remainingWait(addressKey(address));
		return (account.compareTo(client) >= 0) ? account : client;
	}

	/**
	 * Count a failure.
	 * @return whether this failure started a lockout of the account
	 */
	boolean failed(String email, String address) {
		boolean accountLocked = count(accountKey(email), this.settings.accountFailures());
		count(addressKey(address), this.settings.addressFailures());
		return accountLocked;
	}

	/**
	 * @return how long this address must still wait, for sign-ins that name no account
	 * (passkeys)
	 */
	Duration addressWait(String address) {
		return this.counters.remainingWait(addressKey(address));
	}

	void addressFailed(String address) {
		count(addressKey(address), this.settings.addressFailures());
	}

	void succeeded(String email) {
		this.counters.clear(accountKey(email));
	}

	private boolean count(String key, int threshold) {
		long failures = this.counters.increment(key, this.settings.failureReset());
		if (failures < threshold) {
			return false;
		}
		long doublings = Math.min(failures - threshold, 20);
		Duration wait = this.settings.firstWait().multipliedBy(1L << doublings);
		this.counters.block(key, (wait.compareTo(this.settings.maxWait()) > 0) ? this.settings.maxWait() : wait);
		return failures == threshold;
	}

	// Hashed, so the store never holds email addresses.
	private static String accountKey(String email) {
		return "account:" + Secrets.sha256(email);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	@Configuration(proxyBeanMethods = false)
	static class Counters {

		@Bean
		@ConditionalOnRedis
		FailureCounters redisFailureCounters(StringRedisTemplate redis, RedisNamespace namespace) {
			return new RedisFailureCounters(redis, namespace);
		}

		@Bean
		@ConditionalOnNoRedis
		FailureCounters inMemoryFailureCounters(Clock clock) {
			return new InMemoryFailureCounters(clock);
		}

	}

}
