package com.upcoach.gamification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the point, achievement and streak-freeze rules to what happened. Every method
 * first locks the user's profile row, so one user's events apply one at a time, on any
 * number of nodes; the unique source keys make a republished event a no-op.
 */
@Component
public class Scorekeeper {

	private final GamificationProfileRepository profiles;

	private final PointAwardRepository awards;

	private final PointEntryRepository entries;

	private final UnlockedAchievementRepository achievements;

	private final StreakFreezeRepository freezes;

	private final GamificationRules rules;

	private final Clock clock;

	Scorekeeper(GamificationProfileRepository profiles, PointAwardRepository awards, PointEntryRepository entries,
			UnlockedAchievementRepository achievements, StreakFreezeRepository freezes, GamificationRules rules,
			Clock clock) {
		this.profiles = profiles;
		this.awards = awards;
		this.entries = entries;
		this.achievements = achievements;
		this.freezes = freezes;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * A check-in was recorded or changed: a completed day earns its points (once per
	 * habit and day), one that no longer completes the day gives them back.
	 * @param at when it happened
	 * @param localDay the user's local day at that moment (the ledger's day)
	 * @return the achievements this unlocked
	 */
	@Transactional
	public List<Unlock> checkIn(UUID userId, UUID habitId, LocalDate day, boolean completed, int streak, Instant at,
			LocalDate localDay) {
		GamificationProfile profile = lock(userId);
		String key = "check_in:" + habitId + ":" + day;
		Optional<PointAward> existing = this.awards.findByUserIdAndSourceKey(userId, key);
		if (!completed) {
			revoke(profile, existing, key, habitId, day, at, localDay);
			return unlock(profile, localDay);
		}
		profile.reachStreak(streak);
		String reason = "Completed a habit on " + day + ((streak > 1) ? " (streak of " + streak + ")" : "");
		if (existing.isEmpty()) {
			long nth = this.awards.countByUserIdAndKindAndAwardDay(userId, AwardKind.CHECK_IN, day) + 1;
			PointAward award = new PointAward(userId, key, AwardKind.CHECK_IN, habitId, day,
					this.rules.checkIn(streak, nth), true, at);
			credit(profile, this.awards.save(award), diminished(reason, nth, this.rules.fullCheckInsPerDay(),
					this.rules.paidCheckInsPerDay(), "habit-day"), localDay, at);
		}
		else if (!existing.get().isActive() && existing.get().isNewer(at)) {
			PointAward award = existing.get();
			long nth = this.awards.countByUserIdAndKindAndAwardDay(userId, AwardKind.CHECK_IN, day);
			boolean again = award.getPoints() != null;
			award.activate(again ? award.getPoints() : this.rules.checkIn(streak, nth), at);
			credit(profile, award, again ? reason + ", checked again" : reason, localDay, at);
		}
		else if (existing.get().isNewer(at)) {
			// Still done after an edit: an undo older than this edit must not apply.
			existing.get().activate(existing.get().getPoints(), at);
		}
		if (this.rules.earnsFreeze(streak)) {
			earnFreeze(profile, habitId, day, streak, at);
		}
		return unlock(profile, localDay);
	}

	/**
	 * A check-in of a habit's day was removed: its points are taken back. A re-check of
	 * the same day later restores the same points, never more.
	 * @return the achievements this unlocked
	 */
	@Transactional
	public List<Unlock> checkInRemoved(UUID userId, UUID habitId, LocalDate day, Instant at, LocalDate localDay) {
		GamificationProfile profile = lock(userId);
		String key = "check_in:" + habitId + ":" + day;
		revoke(profile, this.awards.findByUserIdAndSourceKey(userId, key), key, habitId, day, at, localDay);
		return unlock(profile, localDay);
	}

	/**
	 * A task occurrence was completed: it earns once, with less for each task past the
	 * first few of the user's local day.
	 * @param occurrence the occurrence's day, or {@code null} for a one-off task
	 */
	@Transactional
	public List<Unlock> taskCompleted(UUID userId, UUID taskId, LocalDate occurrence, String title, Instant at,
			Instant createdAt, LocalDate localDay) {
		GamificationProfile profile = lock(userId);
		String key = "task:" + taskId + ((occurrence != null) ? ":" + occurrence : "");
		if (this.awards.findByUserIdAndSourceKey(userId, key).isEmpty()) {
			long nth = this.awards.countByUserIdAndKindAndAwardDay(userId, AwardKind.TASK, localDay) + 1;
			Duration age = (createdAt != null) ? Duration.between(createdAt, at) : null;
			PointAward award = new PointAward(userId, key, AwardKind.TASK, taskId, localDay, this.rules.task(nth, age),
					true, at);
			String reason = diminished("Completed the task \"" + title + "\"", nth, this.rules.fullTasksPerDay(),
					this.rules.paidTasksPerDay(), "task");
			if (age != null && age.compareTo(GamificationRules.QUICK_TASK) < 0) {
				reason += " (created a moment before)";
			}
			credit(profile, this.awards.save(award), reason, localDay, at);
		}
		return unlock(profile, localDay);
	}

	@Transactional
	public List<Unlock> milestoneReached(UUID userId, UUID milestoneId, String title, Instant at, LocalDate localDay) {
		GamificationProfile profile = lock(userId);
		awardOnce(profile, "milestone:" + milestoneId, AwardKind.MILESTONE, milestoneId, this.rules.milestonePoints(),
				"Reached the milestone \"" + title + "\"", at, localDay);
		return unlock(profile, localDay);
	}

	@Transactional
	public List<Unlock> goalCompleted(UUID userId, UUID goalId, String title, Instant at, LocalDate localDay) {
		GamificationProfile profile = lock(userId);
		awardOnce(profile, "goal:" + goalId, AwardKind.GOAL, goalId, this.rules.goalPoints(),
				"Completed the goal \"" + title + "\"", at, localDay);
		return unlock(profile, localDay);
	}

	/**
	 * Spend one streak freeze for a missed day, once per user and day.
	 * @return whether one was spent now or before for that day
	 */
	@Transactional
	public boolean spendFreeze(UUID userId, LocalDate day) {
		GamificationProfile profile = lock(userId);
		String key = "spent:" + day;
		if (this.freezes.existsByUserIdAndSourceKey(userId, key)) {
			return true;
		}
		if (profile.getFreezesAvailable() <= 0) {
			return false;
		}
		profile.spendFreeze();
		this.freezes.save(new StreakFreezeRecord(userId, key, FreezeKind.SPENT, day, null, this.clock.instant()));
		return true;
	}

	/**
	 * @return where the user stands on every achievement metric
	 */
	@Transactional(readOnly = true)
	public Progress progress(UUID userId) {
		return this.profiles.findById(userId).map(this::progress).orElseGet(() -> new Progress(Map.of()));
	}

	private Progress progress(GamificationProfile profile) {
		Map<Metric, Long> values = new EnumMap<>(Metric.class);
		Map<AwardKind, Long> counts = this.awards.countActiveByKind(profile.userId())
			.stream()
			.collect(Collectors.toMap(PointAwardRepository.KindCount::getKind,
					PointAwardRepository.KindCount::getTotal));
		values.put(Metric.CHECK_INS, counts.getOrDefault(AwardKind.CHECK_IN, 0L));
		values.put(Metric.TASKS, counts.getOrDefault(AwardKind.TASK, 0L));
		values.put(Metric.MILESTONES, counts.getOrDefault(AwardKind.MILESTONE, 0L));
		values.put(Metric.GOALS, counts.getOrDefault(AwardKind.GOAL, 0L));
		values.put(Metric.BEST_STREAK, (long) profile.getBestStreak());
		values.put(Metric.TOTAL_POINTS, profile.getTotalPoints());
		values.put(Metric.FREEZES_EARNED, this.freezes.countByUserIdAndKind(profile.userId(), FreezeKind.EARNED));
		return new Progress(values);
	}

	private GamificationProfile lock(UUID userId) {
		this.profiles.insertIfAbsent(userId, this.clock.instant());
		return this.profiles.lock(userId).orElseThrow();
	}

	private void awardOnce(GamificationProfile profile, String key, AwardKind kind, UUID subjectId, int points,
			String reason, Instant at, LocalDate localDay) {
		if (this.awards.findByUserIdAndSourceKey(profile.userId(), key).isEmpty()) {
			PointAward award = new PointAward(profile.userId(), key, kind, subjectId, localDay, points, true, at);
			credit(profile, this.awards.save(award), reason, localDay, at);
		}
	}

	private void revoke(GamificationProfile profile, Optional<PointAward> existing, String key, UUID habitId,
			LocalDate day, Instant at, LocalDate localDay) {
		if (existing.isEmpty()) {
			// The undo overtook its check-in: remember it, so the older check-in event
			// arriving next is recognised as stale.
			this.awards.save(new PointAward(profile.userId(), key, AwardKind.CHECK_IN, habitId, day, null, false, at));
			return;
		}
		PointAward award = existing.get();
		if (!award.isNewer(at)) {
			return;
		}
		boolean wasActive = award.isActive();
		award.deactivate(at);
		if (wasActive && award.getPoints() != 0) {
			profile.addPoints(-award.getPoints());
			this.entries
				.save(new PointEntry(award, -award.getPoints(), "Check-in on " + day + " undone", localDay, at));
		}
	}

	private void credit(GamificationProfile profile, PointAward award, String reason, LocalDate localDay, Instant at) {
		profile.addPoints(award.getPoints());
		this.entries.save(new PointEntry(award, award.getPoints(), reason, localDay, at));
	}

	private void earnFreeze(GamificationProfile profile, UUID habitId, LocalDate day, int streak, Instant at) {
		// A streak run is known by the day it started; a re-check of the same day, or a
		// republished event, finds the same key.
		String key = "freeze:" + habitId + ":" + day.minusDays(streak - 1L) + ":" + streak;
		if (this.freezes.existsByUserIdAndSourceKey(profile.userId(), key)) {
			return;
		}
		FreezeKind kind = (profile.getFreezesAvailable() < this.rules.maxFreezes()) ? FreezeKind.EARNED
				: FreezeKind.FORFEITED;
		if (kind == FreezeKind.EARNED) {
			profile.earnFreeze();
		}
		this.freezes.save(new StreakFreezeRecord(profile.userId(), key, kind, day, habitId, at));
	}

	// Unlocking may earn points, which may unlock a points achievement: repeat until
	// nothing changes.
	private List<Unlock> unlock(GamificationProfile profile, LocalDate localDay) {
		List<Unlock> unlocked = new ArrayList<>();
		Set<String> held = this.achievements.findByUserId(profile.userId())
			.stream()
			.map(UnlockedAchievement::getCode)
			.collect(Collectors.toSet());
		boolean changed = true;
		while (changed) {
			changed = false;
			Progress progress = progress(profile);
			for (Achievement achievement : Achievement.values()) {
				if (!held.contains(achievement.code()) && progress.reached(achievement)) {
					Instant now = this.clock.instant();
					this.achievements.save(new UnlockedAchievement(profile.userId(), achievement.code(), now));
					held.add(achievement.code());
					unlocked.add(new Unlock(achievement, now));
					if (achievement.points() > 0) {
						awardOnce(profile, "achievement:" + achievement.code(), AwardKind.ACHIEVEMENT, null,
								achievement.points(), "Unlocked \"" + achievement.title() + "\"", now, localDay);
						changed = true;
					}
				}
			}
		}
		return unlocked;
	}

	private static String diminished(String reason, long nth, int full, int paid, String what) {
		if (nth > paid) {
			return reason + " (no points past the " + paid + "th " + what + " of a day)";
		}
		return (nth > full) ? reason + " (half points: " + what + " " + nth + " of the day)" : reason;
	}

}
