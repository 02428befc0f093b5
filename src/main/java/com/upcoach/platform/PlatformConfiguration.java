package com.upcoach.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * All time comes from here, so tests can fix it.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
