package com.upcoach.gamification.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LevelCurveTests {

	@Test
	void shouldNeedOneHundredMorePointsForEachLevelThanForTheOneBefore() {
		assertThat(LevelCurve.threshold(1)).isZero();
		assertThat(LevelCurve.threshold(2)).isEqualTo(100);
		assertThat(LevelCurve.threshold(3)).isEqualTo(300);
		assertThat(LevelCurve.threshold(4)).isEqualTo(600);
		assertThat(LevelCurve.threshold(5)).isEqualTo(1_000);
		for (int level = 2; level < 200; level++) {
			assertThat(LevelCurve.threshold(level + 1) - LevelCurve.threshold(level))
				.isEqualTo(LevelCurve.threshold(level) - LevelCurve.threshold(level - 1) + 100);
		}
	}

	@Test
	void shouldReachALevelExactlyAtItsThreshold() {
		assertThat(LevelCurve.levelFor(0)).isEqualTo(1);
		assertThat(LevelCurve.levelFor(99)).isEqualTo(1);
		assertThat(LevelCurve.levelFor(100)).isEqualTo(2);
		assertThat(LevelCurve.levelFor(299)).isEqualTo(2);
		assertThat(LevelCurve.levelFor(300)).isEqualTo(3);
		assertThat(LevelCurve.levelFor(999)).isEqualTo(4);
		assertThat(LevelCurve.levelFor(1_000)).isEqualTo(5);
	}

	@Test
	void shouldAgreeWithTheThresholdsForEveryLevelUpToAMillionPoints() {
		for (int level = 1; LevelCurve.threshold(level) <= 1_000_000; level++) {
			assertThat(LevelCurve.levelFor(LevelCurve.threshold(level))).isEqualTo(level);
			assertThat(LevelCurve.levelFor(LevelCurve.threshold(level + 1) - 1)).isEqualTo(level);
		}
	}

	@Test
	void shouldTreatNegativeTotalsAsNoPoints() {
		assertThat(LevelCurve.levelFor(-50)).isEqualTo(1);
	}

	@Test
	void shouldRefuseLevelZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> LevelCurve.threshold(0));
	}

}
