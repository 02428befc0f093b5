package com.upcoach.coaching;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The parts of a client's data a client may share with a coach, one by one. On the wire
 * in lower case: {@code habits}, {@code goals}, {@code tasks}, {@code mood},
 * {@code journal}.
 */
public enum SharedArea {

	HABITS, GOALS, TASKS, MOOD, JOURNAL;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Read the wire form; the constant name is accepted too.
	 */
	@JsonCreator
	public static SharedArea parse(String value) {
		return Arrays.stream(values())
			.filter((area) -> area.name().equalsIgnoreCase(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown area '" + value + "'; one of habits, goals, tasks, mood, journal"));
	}

}
