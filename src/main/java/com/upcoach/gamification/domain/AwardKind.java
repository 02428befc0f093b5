package com.upcoach.gamification.domain;

/**
 * What an award was for; its wire form is the lower-case name.
 */
public enum AwardKind {

	CHECK_IN, TASK, MILESTONE, GOAL, ACHIEVEMENT;

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
