package com.upcoach.goals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoalSignalsTests {

	@Test
	void shouldMeasureTheShareOfTheGoalsTimeThatHasPassed() {
		LocalDate start = LocalDate.of(2027, 1, 1);
		assertThat(GoalSignals.elapsedShare(start, start.plusDays(100), start.plusDays(40))).isEqualTo(40.0);
		assertThat(GoalSignals.elapsedShare(start, start.plusDays(100), start.plusDays(140))).isEqualTo(100.0);
		assertThat(GoalSignals.elapsedShare(start, start.plusDays(100), start.minusDays(3))).isZero();
	}

}
