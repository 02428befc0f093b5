package com.upcoach.gamification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.upcoach.gamification.domain.Achievement;
import com.upcoach.gamification.domain.FreezeKind;
import com.upcoach.gamification.domain.GamificationProfile;
import com.upcoach.gamification.domain.GamificationProfileRepository;
import com.upcoach.gamification.domain.GamificationRules;
import com.upcoach.gamification.domain.LevelCurve;
import com.upcoach.gamification.domain.PointEntry;
import com.upcoach.gamification.domain.PointEntryRepository;
import com.upcoach.gamification.domain.Progress;
import com.upcoach.gamification.domain.Scorekeeper;
import com.upcoach.gamification.domain.StreakFreezeRecord;
import com.upcoach.gamification.domain.StreakFreezeRepository;
import com.upcoach.gamification.domain.UnlockedAchievement;
import com.upcoach.gamification.domain.UnlockedAchievementRepository;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's points, level, achievements and streak freezes. Read-only: everything here is
 * earned through events (see {@link GamificationListeners}), never by a client call.
 */
@Service
public class GamificationManagement {

	private final GamificationProfileRepository profiles;

	private final PointEntryRepository entries;

	private final UnlockedAchievementRepository achievements;

	private final StreakFreezeRepository freezes;

	private final Scorekeeper scorekeeper;

	private final GamificationRules rules;

	private final AccountManagement accounts;

	private final Clock clock;

	GamificationManagement(GamificationProfileRepository profiles, PointEntryRepository entries,
			UnlockedAchievementRepository achievements, StreakFreezeRepository freezes, Scorekeeper scorekeeper,
			GamificationRules rules, AccountManagement accounts, Clock clock) {
		this.profiles = profiles;
		this.entries = entries;
		this.achievements = achievements;
		this.freezes = freezes;
		this.scorekeeper = scorekeeper;
		this.rules = rules;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public LevelView level(UserId user) {
		Optional<GamificationProfile> profile = this.profiles.findById(user.value());
		long points = profile.map(GamificationProfile::getTotalPoints).orElse(0L);
		int level = LevelCurve.levelFor(points);
		long start = LevelCurve.threshold(level);
		long next = LevelCurve.threshold(level + 1);
		LocalDate today = this.accounts.profile(user).calendar().today(this.clock);
		return new LevelView(points, level, start, next, points - start, next - points, today,
				this.entries.sumOfDay(user.value(), today),
				profile.map(GamificationProfile::getFreezesAvailable).orElse(0), this.rules.maxFreezes(),
				this.freezes.countByUserIdAndKind(user.value(), FreezeKind.SPENT),
				profile.map(GamificationProfile::getVersion).orElse(0L));
	}

	/**
	 * The whole catalogue, in catalogue order, with the user's unlock times and progress.
	 */
	@Transactional(readOnly = true)
	public Page<AchievementView> achievements(UserId user, Pageable pageable) {
		Map<String, Instant> unlocked = this.achievements.findByUserId(user.value())
			.stream()
			.collect(Collectors.toMap(UnlockedAchievement::getCode, UnlockedAchievement::getUnlockedAt));
		Progress progress = this.scorekeeper.progress(user.value());
		List<AchievementView> all = Arrays.stream(Achievement.values())
			.map((achievement) -> toView(achievement, unlocked.get(achievement.code()), progress))
			.toList();
		int from = (int) Math.min(pageable.getOffset(), all.size());
		int to = Math.min(from + pageable.getPageSize(), all.size());
		return new PageImpl<>(all.subList(from, to), pageable, all.size());
	}

	@Transactional(readOnly = true)
	public Page<PointEntryView> points(UserId user, Pageable pageable) {
		return this.entries.findByUserId(user.value(), pageable).map(GamificationManagement::toView);
	}

	@Transactional(readOnly = true)
	public Page<StreakFreezeView> streakFreezes(UserId user, Pageable pageable) {
		return this.freezes.findByUserId(user.value(), pageable).map(GamificationManagement::toView);
	}

	private static AchievementView toView(Achievement achievement, Instant unlockedAt, Progress progress) {
		long value = (unlockedAt != null) ? achievement.target()
				: Math.min(progress.of(achievement.metric()), achievement.target());
		return new AchievementView(achievement.code(), achievement.title(), achievement.description(),
				achievement.icon(), achievement.points(), unlockedAt != null, unlockedAt, value, achievement.target());
	}

	private static PointEntryView toView(PointEntry entry) {
		return new PointEntryView(entry.getId(), entry.getPoints(), entry.getKind().value(), entry.getSourceKey(),
				entry.getReason(), entry.getEntryDay(), entry.getOccurredAt());
	}

	private static StreakFreezeView toView(StreakFreezeRecord record) {
		return new StreakFreezeView(record.getId(), record.getKind().value(), record.getFreezeDay(),
				record.getHabitId(), record.getOccurredAt());
	}

}
