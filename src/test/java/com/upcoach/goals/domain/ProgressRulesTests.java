package com.upcoach.goals.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRulesTests {

	@Test
	void shouldCountTheShareOfCompletedMilestones() {
		assertThat(ProgressRules.milestones(1, 3)).isEqualTo(33.3);
		assertThat(ProgressRules.milestones(4, 4)).isEqualTo(100.0);
		assertThat(ProgressRules.milestones(0, 0)).isZero();
	}

	@Test
	void shouldAverageHabitStrengthsWithTheTasksShareAsOneTerm() {
		assertThat(ProgressRules.linked(List.of(80.0, 40.0), 1, 4)).isEqualTo(round((80 + 40 + 25) / 3.0));
		assertThat(ProgressRules.linked(List.of(), 3, 4)).isEqualTo(75.0);
		assertThat(ProgressRules.linked(List.of(60.0), 0, 0)).isEqualTo(60.0);
	}

	@Test
	void shouldCountAHabitWhoseStrengthIsNotKnownYetAsZero() {
		assertThat(ProgressRules.linked(Arrays.asList(80.0, null), 0, 0)).isEqualTo(40.0);
	}

	@Test
	void shouldBeZeroWhenNothingIsLinked() {
		assertThat(ProgressRules.linked(List.of(), 0, 0)).isZero();
	}

	@Test
	void shouldMeasureAnIncreasingTarget() {
		assertThat(ProgressRules.measured(BigDecimal.ZERO, new BigDecimal("10"), new BigDecimal("2.5")))
			.isEqualTo(25.0);
	}

	@Test
	void shouldMeasureADecreasingTargetSuchAsWeightLoss() {
		assertThat(ProgressRules.measured(new BigDecimal("82"), new BigDecimal("76"), new BigDecimal("79")))
			.isEqualTo(50.0);
		assertThat(ProgressRules.measured(new BigDecimal("82"), new BigDecimal("76"), new BigDecimal("75")))
			.isEqualTo(100.0);
		assertThat(ProgressRules.measured(new BigDecimal("82"), new BigDecimal("76"), new BigDecimal("84"))).isZero();
	}

	@Test
	void shouldBeCompleteWhenStartEqualsTargetOnlyOnceReached() {
		assertThat(ProgressRules.measured(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)).isEqualTo(100.0);
		assertThat(ProgressRules.measured(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN)).isZero();
	}

	@Test
	void shouldBeZeroWithoutACurrentValue() {
		assertThat(ProgressRules.measured(BigDecimal.ZERO, BigDecimal.TEN, null)).isZero();
	}

	@Test
	void shouldAllowOnlySensibleStatusChanges() {
		assertThat(GoalStatus.ACTIVE.canBecome(GoalStatus.PAUSED)).isTrue();
		assertThat(GoalStatus.PAUSED.canBecome(GoalStatus.ACTIVE)).isTrue();
		assertThat(GoalStatus.COMPLETED.canBecome(GoalStatus.ACTIVE)).isTrue();
		assertThat(GoalStatus.COMPLETED.canBecome(GoalStatus.PAUSED)).isFalse();
		assertThat(GoalStatus.ABANDONED.canBecome(GoalStatus.COMPLETED)).isFalse();
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
