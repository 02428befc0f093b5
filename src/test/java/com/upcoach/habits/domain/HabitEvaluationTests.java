package com.upcoach.habits.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The schedule, streak, completion and strength rules as pure functions of fixed dates.
 */
class HabitEvaluationTests {

	// A Monday.
	private static final LocalDate START = LocalDate.of(2026, 3, 2);

	private final Map<LocalDate, DayLog> logs = new HashMap<>();

	@Test
	void shouldCountDoneDaysAndBreakOnAMissedDay() {
		done(0, 1, 2, 4, 5, 6);
		HabitEvaluation evaluation = yesNo(Schedule.daily(), day(6));
		assertThat(evaluation.currentStreak()).isEqualTo(3);
		assertThat(evaluation.longestStreak()).isEqualTo(3);
		assertThat(evaluation.state(day(3))).isEqualTo(DayState.MISSED);
	}

	@Test
	void shouldListEveryStreakWithItsDaysTheLastStillRunning() {
		done(0, 1, 2, 4, 5, 7);
		HabitEvaluation evaluation = yesNo(Schedule.daily(), day(8));
		assertThat(evaluation.streakRuns()).containsExactly(new HabitEvaluation.StreakRun(day(0), day(2), 3),
				new HabitEvaluation.StreakRun(day(4), day(5), 2), new HabitEvaluation.StreakRun(day(7), day(7), 1));
	}

	@Test
	void shouldListWeeklyStreaksByTheirWeeks() {
		Schedule threeAWeek = new Schedule(Schedule.Type.TIMES_PER_WEEK, Set.of(), 3);
		done(0, 2, 4, 7, 9, 14, 15, 16, 21, 23, 25);
		assertThat(yesNo(threeAWeek, day(29)).streakRuns()).containsExactly(
				new HabitEvaluation.StreakRun(day(0), day(6), 1), new HabitEvaluation.StreakRun(day(14), day(27), 2));
	}

	@Test
	void shouldNotBreakTheStreakWhileTodayIsStillOpen() {
		done(0, 1, 2);
		HabitEvaluation evaluation = yesNo(Schedule.daily(), day(3));
		assertThat(evaluation.currentStreak()).isEqualTo(3);
		assertThat(evaluation.state(day(3))).isEqualTo(DayState.PENDING);
	}

	@Test
	void shouldNeitherBreakNorExtendTheStreakOnSkippedFrozenOrPausedDays() {
		done(0, 1);
		this.logs.put(day(2), new DayLog(0, LogStatus.SKIPPED));
		this.logs.put(day(3), new DayLog(0, LogStatus.FROZEN));
		done(7, 8);
		HabitSpec spec = new HabitSpec(false, 1, false, Schedule.daily(), START,
				List.of(new HabitSpec.Pause(day(4), day(6))));
		HabitEvaluation evaluation = new HabitEvaluation(spec, this.logs, day(8));
		assertThat(evaluation.currentStreak()).isEqualTo(4);
		assertThat(evaluation.state(day(2))).isEqualTo(DayState.SKIPPED);
		assertThat(evaluation.state(day(5))).isEqualTo(DayState.PAUSED);
	}

	@Test
	void shouldCountOnlyScheduledWeekdays() {
		Schedule weekdays = new Schedule(Schedule.Type.WEEKDAYS, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 1);
		// Monday to Friday twice; the weekend in between is not due.
		done(0, 1, 2, 3, 4, 7, 8, 9, 10, 11);
		HabitEvaluation evaluation = yesNo(weekdays, day(13));
		assertThat(evaluation.currentStreak()).isEqualTo(10);
		assertThat(evaluation.state(day(5))).isEqualTo(DayState.NOT_DUE);
		assertThat(evaluation.completionRate(7)).isEqualTo(100.0);
	}

	@Test
	void shouldAnchorEveryNDaysAtTheStartDate() {
		Schedule everyThird = new Schedule(Schedule.Type.EVERY_N_DAYS, Set.of(), 3);
		done(0, 3, 9);
		HabitEvaluation evaluation = yesNo(everyThird, day(10));
		assertThat(everyThird.dueOn(day(6), START)).isTrue();
		assertThat(everyThird.dueOn(day(7), START)).isFalse();
		assertThat(evaluation.state(day(6))).isEqualTo(DayState.MISSED);
		assertThat(evaluation.currentStreak()).isEqualTo(1);
		assertThat(evaluation.longestStreak()).isEqualTo(2);
	}

	@Test
	void shouldCountWeeksThatMetTheTargetForTimesPerWeekHabits() {
		Schedule threeAWeek = new Schedule(Schedule.Type.TIMES_PER_WEEK, Set.of(), 3);
		// Week 1: 3 runs, week 2: 2 runs (fails), week 3: 3 runs, week 4: 3 runs, week 5
		// (current): 1 so far.
		done(0, 2, 4, 7, 9, 14, 15, 16, 21, 23, 25, 28);
		HabitEvaluation evaluation = yesNo(threeAWeek, day(29));
		assertThat(evaluation.currentStreak()).isEqualTo(2);
		assertThat(evaluation.longestStreak()).isEqualTo(2);
		assertThat(evaluation.state(day(8))).isEqualTo(DayState.MISSED);
		assertThat(evaluation.state(day(17))).isEqualTo(DayState.NOT_DUE);
	}

	@Test
	void shouldNotBreakAWeekStreakWhenSkippedDaysMakeUpTheShortfall() {
		Schedule threeAWeek = new Schedule(Schedule.Type.TIMES_PER_WEEK, Set.of(), 3);
		done(0, 2, 4, 7, 9);
		this.logs.put(day(11), new DayLog(0, LogStatus.SKIPPED));
		done(14, 16, 18);
		HabitEvaluation evaluation = yesNo(threeAWeek, day(20));
		assertThat(evaluation.currentStreak()).isEqualTo(2);
	}

	@Test
	void shouldReachHalfStrengthAfterThirteenPerfectDaysOfADailyHabit() {
		done(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		HabitEvaluation evaluation = yesNo(Schedule.daily(), day(12));
		// Loop: multiplier 0.5^(1/13) per day, so 13 days of 1 from 0 give 1 - 0.5.
		assertThat(evaluation.strength()).isEqualTo(50.0);
	}

	@Test
	void shouldLeaveStrengthUnchangedOnSkippedDays() {
		done(0, 1, 2, 3);
		this.logs.put(day(4), new DayLog(0, LogStatus.SKIPPED));
		HabitEvaluation evaluation = yesNo(Schedule.daily(), day(4));
		assertThat(evaluation.strengthOn(day(4))).isEqualTo(evaluation.strengthOn(day(3)));
		assertThat(evaluation.strength()).isGreaterThan(0);
	}

	@Test
	void shouldScoreNumericHabitsByTheShareOfTheTargetReached() {
		for (int i = 0; i < 200; i++) {
			this.logs.put(day(i), new DayLog(4, LogStatus.VALUE));
		}
		HabitEvaluation evaluation = new HabitEvaluation(
				new HabitSpec(true, 8, false, Schedule.daily(), START, List.of()), this.logs, day(199));
		assertThat(evaluation.strength()).isCloseTo(50.0, within(0.5));
		assertThat(evaluation.state(day(3))).isEqualTo(DayState.PARTIAL);
		assertThat(evaluation.currentStreak()).isZero();
	}

	@Test
	void shouldStartAtMostHabitsAtZeroAndCountDaysAtOrUnderTheLimitAsDone() {
		this.logs.put(day(0), new DayLog(1, LogStatus.VALUE));
		this.logs.put(day(3), new DayLog(3, LogStatus.VALUE));
		HabitEvaluation evaluation = new HabitEvaluation(
				new HabitSpec(true, 1, true, Schedule.daily(), START, List.of()), this.logs, day(5));
		// From 0, not 100: one good day of a daily habit gives 1 − 0.5^(1/13).
		assertThat(evaluation.strengthOn(day(0))).isEqualTo(5.2);
		assertThat(evaluation.state(day(0))).isEqualTo(DayState.DONE);
		assertThat(evaluation.state(day(1))).isEqualTo(DayState.DONE);
		assertThat(evaluation.state(day(3))).isEqualTo(DayState.MISSED);
		assertThat(evaluation.strengthOn(day(3))).isLessThan(evaluation.strengthOn(day(2)));
		// Days 4 and 5 (today, within the limit so far).
		assertThat(evaluation.currentStreak()).isEqualTo(2);
		assertThat(evaluation.longestStreak()).isEqualTo(3);
	}

	@Test
	void shouldUseTheFrequencyInTheStrengthMultiplier() {
		assertThat(HabitEvaluation.compute(1.0, 0, 1)).isCloseTo(1 - Math.pow(0.5, 1 / 13.0), within(1e-12));
		assertThat(HabitEvaluation.compute(3 / 7.0, 0, 1)).isCloseTo(1 - Math.pow(0.5, Math.sqrt(3 / 7.0) / 13.0),
				within(1e-12));
		// A perfect three-times-a-week record is as strong as a perfect daily one.
		Schedule threeAWeek = new Schedule(Schedule.Type.TIMES_PER_WEEK, Set.of(), 3);
		for (int week = 0; week < 40; week++) {
			done(week * 7, week * 7 + 2, week * 7 + 4);
		}
		assertThat(yesNo(threeAWeek, day(279)).strength()).isGreaterThan(95.0);
	}

	@Test
	void shouldComputeCompletionRatesOverDueDaysOnly() {
		done(0, 1, 3, 5, 6);
		this.logs.put(day(4), new DayLog(0, LogStatus.SKIPPED));
		HabitEvaluation evaluation = yesNo(Schedule.daily(), day(7));
		// Days 1..7 minus today (open) and the skip: 5 counted, day 2 missed → 4 of 5.
		assertThat(evaluation.completionRate(7)).isEqualTo(80.0);
		assertThat(evaluation.completionRate(30)).isEqualTo(83.3);
	}

	@Test
	void shouldTreatAPeriodicHabitAsDueUntilThePeriodTargetIsMet() {
		Schedule twiceAWeek = new Schedule(Schedule.Type.TIMES_PER_WEEK, Set.of(), 2);
		done(0, 1);
		HabitEvaluation evaluation = yesNo(twiceAWeek, day(3));
		assertThat(evaluation.dueOn(day(1))).isTrue();
		assertThat(evaluation.dueOn(day(2))).isFalse();
		assertThat(evaluation.state(day(3))).isEqualTo(DayState.NOT_DUE);
	}

	@Test
	void shouldFindTheWeekAndMonthOfADay() {
		Schedule weekly = new Schedule(Schedule.Type.TIMES_PER_WEEK, Set.of(), 2);
		Schedule monthly = new Schedule(Schedule.Type.TIMES_PER_MONTH, Set.of(), 2);
		LocalDate sunday = LocalDate.of(2026, 3, 8);
		assertThat(weekly.periodStart(sunday)).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(weekly.periodEnd(sunday)).isEqualTo(sunday);
		assertThat(monthly.periodStart(sunday)).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(monthly.periodEnd(LocalDate.of(2026, 2, 10))).isEqualTo(LocalDate.of(2026, 2, 28));
	}

	@Test
	void shouldCountMonthsThatMetTheTargetForTimesPerMonthHabits() {
		Schedule twiceAMonth = new Schedule(Schedule.Type.TIMES_PER_MONTH, Set.of(), 2);
		// March: 2 (met), April: 1 (failed), May: 2 (met), June (current): 0 so far.
		this.logs.put(LocalDate.of(2026, 3, 10), new DayLog(1, LogStatus.VALUE));
		this.logs.put(LocalDate.of(2026, 3, 20), new DayLog(1, LogStatus.VALUE));
		this.logs.put(LocalDate.of(2026, 4, 5), new DayLog(1, LogStatus.VALUE));
		this.logs.put(LocalDate.of(2026, 5, 1), new DayLog(1, LogStatus.VALUE));
		this.logs.put(LocalDate.of(2026, 5, 31), new DayLog(1, LogStatus.VALUE));
		HabitEvaluation evaluation = yesNo(twiceAMonth, LocalDate.of(2026, 6, 3));
		assertThat(evaluation.currentStreak()).isEqualTo(1);
		assertThat(evaluation.longestStreak()).isEqualTo(1);
		assertThat(evaluation.state(LocalDate.of(2026, 4, 20))).isEqualTo(DayState.MISSED);
		assertThat(evaluation.state(LocalDate.of(2026, 6, 3))).isEqualTo(DayState.PENDING);
	}

	private HabitEvaluation yesNo(Schedule schedule, LocalDate today) {
		return new HabitEvaluation(new HabitSpec(false, 1, false, schedule, START, List.of()), this.logs, today);
	}

	private void done(int... days) {
		for (int day : days) {
			this.logs.put(day(day), new DayLog(1, LogStatus.VALUE));
		}
	}

	private static LocalDate day(int offset) {
		return START.plusDays(offset);
	}

}
