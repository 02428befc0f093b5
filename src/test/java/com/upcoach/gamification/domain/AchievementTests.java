package com.upcoach.gamification.domain;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AchievementTests {

	@Test
	void shouldOfferAtLeastTenAchievementsEachWithCodeTitleDescriptionAndIcon() {
		assertThat(Achievement.values()).hasSizeGreaterThanOrEqualTo(10);
		assertThat(Arrays.stream(Achievement.values()).map(Achievement::code)).doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[a-z0-9_]+"));
		assertThat(Achievement.values()).allSatisfy((achievement) -> {
			assertThat(achievement.title()).isNotBlank();
			assertThat(achievement.description()).isNotBlank();
			assertThat(achievement.icon()).isNotBlank();
			assertThat(achievement.target()).isPositive();
		});
	}

	@Test
	void shouldUnlockWhenTheMetricReachesTheTarget() {
		assertThat(new Progress(Map.of(Metric.BEST_STREAK, 6L)).reached(Achievement.STREAK_7)).isFalse();
		assertThat(new Progress(Map.of(Metric.BEST_STREAK, 7L)).reached(Achievement.STREAK_7)).isTrue();
		assertThat(new Progress(Map.of()).reached(Achievement.FIRST_CHECK_IN)).isFalse();
	}

}
