package com.upcoach.gamification.domain;

import java.util.Locale;

/**
 * What happened to a streak freeze: earned, not granted because the wallet was full, or
 * spent on a missed day.
 */
public enum FreezeKind {

	EARNED, FORFEITED, SPENT;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
