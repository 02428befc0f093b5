package com.upcoach.gamification.domain;

import java.util.Map;

/**
 * Where a user stands on every achievement metric.
 *
 * @param values the current value of each metric
 */
public record Progress(Map<Metric, Long> values) {

	public long of(Metric metric) {
		return this.values.getOrDefault(metric, 0L);
	}

	public boolean reached(Achievement achievement) {
		return of(achievement.metric()) >= achievement.target();
	}

}
