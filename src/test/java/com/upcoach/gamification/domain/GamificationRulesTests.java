package com.upcoach.gamification.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GamificationRulesTests {

	private final GamificationRules rules = GamificationRules.defaults();

	@Test
	void shouldAddOneBonusPointPerWeekOfStreakUpToFive() {
		assertThat(this.rules.checkIn(1, 1)).isEqualTo(10);
		assertThat(this.rules.checkIn(6, 1)).isEqualTo(10);
		assertThat(this.rules.checkIn(7, 1)).isEqualTo(11);
		assertThat(this.rules.checkIn(20, 1)).isEqualTo(12);
		assertThat(this.rules.checkIn(35, 1)).isEqualTo(15);
		assertThat(this.rules.checkIn(400, 1)).isEqualTo(15);
	}

	@Test
	void shouldTreatAMissingStreakAsNoBonus() {
		assertThat(this.rules.checkIn(0, 1)).isEqualTo(10);
		assertThat(this.rules.checkIn(-3, 1)).isEqualTo(10);
	}

	@Test
	void shouldHalveCheckInsPastTheTenthOfADayAndStopPastTheTwentieth() {
		assertThat(this.rules.checkIn(1, 10)).isEqualTo(10);
		assertThat(this.rules.checkIn(1, 11)).isEqualTo(5);
		assertThat(this.rules.checkIn(14, 20)).isEqualTo(6);
		assertThat(this.rules.checkIn(14, 21)).isZero();
	}

	@Test
	void shouldHalveTasksPastTheFifthOfADayAndStopPastTheTenth() {
		assertThat(this.rules.task(1)).isEqualTo(10);
		assertThat(this.rules.task(5)).isEqualTo(10);
		assertThat(this.rules.task(6)).isEqualTo(5);
		assertThat(this.rules.task(10)).isEqualTo(5);
		assertThat(this.rules.task(11)).isZero();
		assertThat(this.rules.task(500)).isZero();
	}

	@Test
	void shouldEarnAFreezeAtEveryMultipleOfSevenDaysOfStreak() {
		assertThat(this.rules.earnsFreeze(0)).isFalse();
		assertThat(this.rules.earnsFreeze(6)).isFalse();
		assertThat(this.rules.earnsFreeze(7)).isTrue();
		assertThat(this.rules.earnsFreeze(8)).isFalse();
		assertThat(this.rules.earnsFreeze(14)).isTrue();
	}

	@Test
	void shouldGiveMilestonesAndGoalsMoreThanADayOfHabits() {
		assertThat(this.rules.milestonePoints()).isGreaterThan(this.rules.checkIn(100, 1));
		assertThat(this.rules.goalPoints()).isGreaterThan(this.rules.milestonePoints());
	}

	@Test
	void shouldGiveATaskDoneWithinAMinuteOfItsCreationOnePoint() {
		assertThat(this.rules.task(1, Duration.ofSeconds(20))).isEqualTo(1);
		assertThat(this.rules.task(1, Duration.ofMinutes(5))).isEqualTo(10);
		assertThat(this.rules.task(1, null)).isEqualTo(10);
		assertThat(this.rules.task(11, Duration.ofSeconds(20))).isZero();
	}

}
