package com.upcoach.platform.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

/**
 * A number of requests per window, written {@code 100/15m} in configuration.
 *
 * @param requests requests allowed per window
 * @param window the window
 */
record Limit(long requests, Duration window) {

	private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\S+)\\s*");

	Limit {
		if (requests < 1 || window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("A limit needs at least one request per positive window");
		}
	}

	static Limit parse(String text) {
		Matcher matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Expected a limit like 100/15m but got '" + text + "'");
		}
		return new Limit(Long.parseLong(matcher.group(1)), DurationStyle.SIMPLE.parse(matcher.group(2)));
	}

	@Override
	public String toString() {
		return this.requests + "/" + this.window;
	}

}
