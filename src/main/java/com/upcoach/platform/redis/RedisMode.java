package com.upcoach.platform.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Sets {@value #ENABLED} from whether Redis is configured, and keeps Redis
 * auto-configuration and its health check off when it is not, so a first run needs no
 * Redis.
 */
public class RedisMode implements EnvironmentPostProcessor, Ordered {

	/**
	 * The property every Redis-backed bean is conditional on.
	 */
	public static final String ENABLED = "upcoach.redis.enabled";

	private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean configured = StringUtils.hasText(environment.getProperty("spring.data.redis.host"))
				|| StringUtils.hasText(environment.getProperty("spring.data.redis.url"));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(ENABLED, configured);
		if (!configured) {
			List<String> excludes = new ArrayList<>(Binder.get(environment)
				.bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
				.orElse(List.of()));
			excludes.addAll(REDIS_AUTO_CONFIGURATIONS);
			properties.put("spring.autoconfigure.exclude", String.join(",", excludes));
			properties.put("management.health.redis.enabled", false);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("upcoachRedisMode", properties));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
