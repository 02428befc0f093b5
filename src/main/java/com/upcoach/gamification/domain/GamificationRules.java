package com.upcoach.gamification.domain;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The point and streak-freeze rules ({@code upcoach.gamification.*}); see
 * {@code docs/gamification.md} for why they are what they are.
 *
 * @param checkInPoints points for a check-in that completes a habit's day
 * @param streakBonusEvery one bonus point per this many days of the habit's streak
 * @param streakBonusCap the most bonus points a streak adds
 * @param fullCheckInsPerDay completed habit-days of one local day that earn full points
 * @param paidCheckInsPerDay completed habit-days of one local day that earn anything;
 * those past {@code fullCheckInsPerDay} earn half
 * @param taskPoints points for a completed task
 * @param fullTasksPerDay completed tasks of one local day that earn full points
 * @param paidTasksPerDay completed tasks of one local day that earn anything; those past
 * {@code fullTasksPerDay} earn half
 * @param milestonePoints points for a reached milestone
 * @param goalPoints points for a completed goal
 * @param freezeEvery a habit streak earns a freeze each time it reaches a multiple of
 * this many days
 * @param maxFreezes the most streak freezes a user holds
 * @param quickTaskPoints the most a task completed within a minute of its creation earns
 */
@ConfigurationProperties("upcoach.gamification")
@Validated
public record GamificationRules(@DefaultValue("10") int checkInPoints, @DefaultValue("7") @Min(1) int streakBonusEvery,
		@DefaultValue("5") int streakBonusCap, @DefaultValue("10") int fullCheckInsPerDay,
		@DefaultValue("20") int paidCheckInsPerDay, @DefaultValue("10") int taskPoints,
		@DefaultValue("5") int fullTasksPerDay, @DefaultValue("10") int paidTasksPerDay,
		@DefaultValue("25") int milestonePoints, @DefaultValue("100") int goalPoints,
		@DefaultValue("7") @Min(1) int freezeEvery, @DefaultValue("3") int maxFreezes,
		@DefaultValue("1") int quickTaskPoints) {

	static final Duration QUICK_TASK = Duration.ofMinutes(1);

	public static GamificationRules defaults() {
		return new GamificationRules(10, 7, 5, 10, 20, 10, 5, 10, 25, 100, 7, 3, 1);
	}

	/**
	 * @param streak the habit's streak including this day
	 * @param nthOfDay which completed habit-day of that local day this is, from 1
	 * @return the points for a check-in that completes a habit's day
	 */
	public int checkIn(int streak, long nthOfDay) {
		int bonus = Math.min(Math.max(streak, 0) / this.streakBonusEvery, this.streakBonusCap);
		return diminished(this.checkInPoints + bonus, nthOfDay, this.fullCheckInsPerDay, this.paidCheckInsPerDay);
	}

	/**
	 * @param nthOfDay which completed task of the user's local day this is, from 1
	 * @return the points for a completed task
	 */
	public int task(long nthOfDay) {
		return diminished(this.taskPoints, nthOfDay, this.fullTasksPerDay, this.paidTasksPerDay);
	}

	/**
	 * A task created and ticked off within a minute is a to-do list gamed for points, not
	 * work planned and done.
	 * @param nthOfDay which completed task of the user's local day this is, from 1
	 * @param age how long after its creation the task was completed; {@code null} when
	 * unknown
	 * @return the points for a completed task
	 */
	public int task(long nthOfDay, Duration age) {
		int points = task(nthOfDay);
		return (age != null && age.compareTo(QUICK_TASK) < 0) ? Math.min(points, this.quickTaskPoints) : points;
	}

	/**
	 * @return whether a habit streak of this length earns a streak freeze
	 */
	public boolean earnsFreeze(int streak) {
		return streak > 0 && streak % this.freezeEvery == 0;
	}

	private static int diminished(int points, long nth, int full, int paid) {
		if (nth <= full) {
			return points;
		}
		return (nth <= paid) ? points / 2 : 0;
	}

}
