package com.upcoach.mood;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.upcoach.coaching.CoachAccess;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountManagement;
import com.upcoach.mood.domain.DailyMood;
import com.upcoach.mood.domain.MoodLog;
import com.upcoach.mood.domain.MoodLogRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import jakarta.persistence.criteria.Predicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mood module's API: a user's mood logs, their statistics and trend, and a coach's
 * read-only view of a client's.
 */
@Service
public class MoodManagement {

	/** The sync resource type of a mood log. */
	public static final String TYPE = "mood_log";

	/** The properties a list may be sorted by. */
	public static final Set<String> SORTABLE = Set.of("loggedAt", "day", "score", "createdAt", "updatedAt");

	/** The default order of a list: newest first. */
	public static final Sort DEFAULT_SORT = Sort.by(Sort.Order.desc("loggedAt"));

	/** A log may be stamped this far ahead of the server's clock (device clock skew). */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private final MoodLogRepository logs;

	private final ChangeLog changeLog;

	private final AccountManagement accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<CoachAccess> coachAccess;

	private final ObjectProvider<HabitCompletionSource> habitCompletion;

	MoodManagement(MoodLogRepository logs, ChangeLog changeLog, AccountManagement accounts, Clock clock,
			ApplicationEventPublisher events, ObjectProvider<CoachAccess> coachAccess,
			ObjectProvider<HabitCompletionSource> habitCompletion) {
		this.habitCompletion = habitCompletion;
		this.logs = logs;
		this.changeLog = changeLog;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
		this.coachAccess = coachAccess;
	}

	/**
	 * The result of a create: the log, and whether this call created it (false for a
	 * retry with the same id).
	 */
	public record Created(MoodLogView log, boolean created) {
	}

	/**
	 * Log a mood. A retry with the id of a log the user already has returns that log.
	 * @throws ApiException {@code CONFLICT} when the id belongs to another user or to a
	 * deleted log, {@code VALIDATION_ERROR} for bad input
	 */
	@Transactional
	public Created create(UserId user, NewMoodLog form) {
		long seq = this.changeLog.next(user);
		return create(user, form, seq);
	}

	Created create(UserId user, NewMoodLog form, long seq) {
		UUID id = (form.id() != null) ? form.id() : UUID.randomUUID();
		if (form.id() != null) {
			MoodLog existing = this.logs.findById(id).orElse(null);
			if (existing != null) {
				if (existing.owner().equals(user)) {
					return new Created(MoodLogView.of(existing), false);
				}
				throw ApiException.conflict("The id " + id + " is already taken");
			}
			if (this.changeLog.isDeleted(TYPE, id)) {
				throw ApiException.conflict("The mood log " + id + " was deleted");
			}
		}
		Instant loggedAt = checkLoggedAt((form.loggedAt() != null) ? form.loggedAt() : this.clock.instant());
		MoodLog log = new MoodLog(id, user, seq, loggedAt, calendar(user).dayOf(loggedAt));
		log.setScore(form.score());
		log.setEnergy(form.energy());
		log.setStress(form.stress());
		log.setSleepHours(form.sleepHours());
		log.setTags(normalise(form.tags()));
		log.setNote(blankToNull(form.note()));
		return new Created(MoodLogView.of(this.logs.saveAndFlush(log)), true);
	}

	@Transactional(readOnly = true)
	public MoodLogView get(UserId user, UUID id) {
		return MoodLogView.of(owned(user, id));
	}

	/**
	 * A page of the user's logs, filtered by local days and tag.
	 */
	@Transactional(readOnly = true)
	public Page<MoodLogView> list(UserId user, MoodLogFilter filter, Pageable pageable) {
		return this.logs.findAll(matching(user, filter), pageable).map(MoodLogView::of);
	}

	/**
	 * Change the fields sent.
	 * @param ifMatch the client's {@code If-Match}, or null
	 * @throws ApiException {@code PRECONDITION_FAILED} when the log has moved on
	 */
	@Transactional
	public MoodLogView update(UserId user, UUID id, MoodLogChanges changes, String ifMatch) {
		long seq = this.changeLog.next(user);
		MoodLog log = owned(user, id);
		ETags.checkIfMatch(ifMatch, log.getVersion());
		apply(user, log, changes, seq);
		return MoodLogView.of(log);
	}

	/**
	 * @return whether anything changed
	 */
	boolean apply(UserId user, MoodLog log, MoodLogChanges changes, long seq) {
		boolean changed = false;
		if (changes.score() != null) {
			changed |= log.setScore(changes.score());
		}
		if (changes.energy() != null || changes.clears("energy")) {
			changed |= log.setEnergy(changes.clears("energy") ? null : changes.energy());
		}
		if (changes.stress() != null || changes.clears("stress")) {
			changed |= log.setStress(changes.clears("stress") ? null : changes.stress());
		}
		if (changes.sleepHours() != null || changes.clears("sleepHours")) {
			changed |= log.setSleepHours(changes.clears("sleepHours") ? null : changes.sleepHours());
		}
		if (changes.note() != null || changes.clears("note")) {
			changed |= log.setNote(changes.clears("note") ? null : blankToNull(changes.note()));
		}
		if (changes.tags() != null) {
			changed |= log.setTags(normalise(changes.tags()));
		}
		if (changes.loggedAt() != null) {
			Instant loggedAt = checkLoggedAt(changes.loggedAt());
			changed |= log.setLoggedAt(loggedAt, calendar(user).dayOf(loggedAt));
		}
		if (changed) {
			log.stamp(seq);
			this.logs.saveAndFlush(log);
		}
		return changed;
	}

	/**
	 * Delete a log for good; sync clients learn it from a tombstone.
	 */
	@Transactional
	public void delete(UserId user, UUID id, String ifMatch) {
		this.changeLog.next(user);
		MoodLog log = owned(user, id);
		ETags.checkIfMatch(ifMatch, log.getVersion());
		delete(log);
	}

	void delete(MoodLog log) {
		this.logs.delete(log);
		this.logs.flush();
		this.changeLog.deleted(log.owner(), TYPE, log.getId(), log.getVersion());
		this.events.publishEvent(new MoodLogDeleted(log.getUserId(), log.getId(), this.clock.instant()));
	}

	/**
	 * @return whether the user has a mood log with this id
	 */
	@Transactional(readOnly = true)
	public boolean exists(UserId user, UUID id) {
		return this.logs.findByIdAndUserId(id, user.value()).isPresent();
	}

	/**
	 * Statistics over a range of the user's local days, correlated with the habit
	 * completion the {@link HabitCompletionSource} reports (none without one).
	 * @param from the first day, or null for 29 days before {@code to}
	 * @param to the last day, or null for today
	 * @throws ApiException {@code VALIDATION_ERROR} for a reversed or too long range
	 */
	@Transactional(readOnly = true)
	public MoodStats stats(UserId user, LocalDate from, LocalDate to, MoodStats.Granularity granularity) {
		StatsRange range = range(user, from, to);
		HabitCompletionSource source = this.habitCompletion.getIfAvailable();
		Map<LocalDate, Double> habits = (source != null) ? source.dailyCompletion(user, range.from(), range.to())
				: Map.of();
		return stats(user, range.from(), range.to(), granularity, habits);
	}

	/**
	 * Statistics over a range of the user's local days.
	 * @param from the first day, or null for 29 days before {@code to}
	 * @param to the last day, or null for today
	 * @param habitCompletion the user's habit completion rate (0–1) per local day, from
	 * the caller; an empty map leaves the correlation null
	 * @throws ApiException {@code VALIDATION_ERROR} for a reversed or too long range
	 */
	@Transactional(readOnly = true)
	public MoodStats stats(UserId user, LocalDate from, LocalDate to, MoodStats.Granularity granularity,
			Map<LocalDate, Double> habitCompletion) {
		StatsRange range = range(user, from, to);
		Map<UUID, List<String>> tags = new LinkedHashMap<>();
		for (Object[] row : this.logs.tags(user.value(), range.from(), range.to())) {
			tags.computeIfAbsent((UUID) row[0], (id) -> new ArrayList<>()).add((String) row[1]);
		}
		return MoodStatistics.compute(range, granularity, this.logs.readings(user.value(), range.from(), range.to()),
				tags, habitCompletion);
	}

	/**
	 * The daily mean score over a range and its direction, for a dashboard: one SQL
	 * statement whatever the number of logs.
	 */
	@Transactional(readOnly = true)
	public MoodTrend trend(UserId user, LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw ApiException.validation("from", "must not be after 'to'");
		}
		List<DailyMood> daily = this.logs.dailyMeans(user.value(), from, to);
		Map<LocalDate, Double> means = new LinkedHashMap<>();
		double sum = 0;
		long count = 0;
		List<MoodTrend.Day> days = new ArrayList<>();
		for (DailyMood day : daily) {
			means.put(day.day(), day.averageScore());
			sum += day.averageScore() * day.count();
			count += day.count();
			days.add(new MoodTrend.Day(day.day(), MoodStatistics.round(day.averageScore(), 2), day.count()));
		}
		return new MoodTrend(from, to, days, (count > 0) ? MoodStatistics.round(sum / count, 2) : null,
				MoodStatistics.trend(means));
	}

	/**
	 * A page of a client's logs, for a coach the client shares their mood with.
	 * @throws NotFoundException when the client does not share it with this coach
	 */
	@Transactional(readOnly = true)
	public Page<MoodLogView> listForCoach(UserId coach, UserId client, MoodLogFilter filter, Pageable pageable) {
		requireShared(coach, client);
		return list(client, filter, pageable);
	}

	/**
	 * A client's statistics, for a coach the client shares their mood with.
	 * @throws NotFoundException when the client does not share it with this coach
	 */
	@Transactional(readOnly = true)
	public MoodStats statsForCoach(UserId coach, UserId client, LocalDate from, LocalDate to,
			MoodStats.Granularity granularity) {
		requireShared(coach, client);
		// The correlation says something about the client's habits: only for a coach who
		// may see them.
		if (this.coachAccess.getObject().canView(coach, client, SharedArea.HABITS)) {
			return stats(client, from, to, granularity);
		}
		StatsRange range = range(client, from, to);
		return stats(client, range.from(), range.to(), granularity, Map.of());
	}

	private void requireShared(UserId coach, UserId client) {
		CoachAccess access = this.coachAccess.getIfAvailable();
		if (access == null || !access.canView(coach, client, SharedArea.MOOD)) {
			throw new NotFoundException("Client", client);
		}
	}

	private StatsRange range(UserId user, LocalDate from, LocalDate to) {
		return StatsRange.resolve(from, to, calendar(user).today(this.clock));
	}

	MoodLog owned(UserId user, UUID id) {
		return this.logs.findByIdAndUserId(id, user.value()).orElseThrow(() -> new NotFoundException("Mood log", id));
	}

	UserCalendar calendar(UserId user) {
		return this.accounts.profile(user).calendar();
	}

	private Instant checkLoggedAt(Instant loggedAt) {
		if (loggedAt.isAfter(this.clock.instant().plus(CLOCK_SKEW))) {
			throw ApiException.validation("loggedAt", "must not be in the future");
		}
		return loggedAt;
	}

	private static Specification<MoodLog> matching(UserId user, MoodLogFilter filter) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(cb.equal(root.get("userId"), user.value()));
			if (filter.from() != null) {
				where.add(cb.greaterThanOrEqualTo(root.get("day"), filter.from()));
			}
			if (filter.to() != null) {
				where.add(cb.lessThanOrEqualTo(root.get("day"), filter.to()));
			}
			if (filter.tag() != null && !filter.tag().isBlank()) {
				where.add(cb.isMember(normaliseTag(filter.tag()), root.<Set<String>>get("tags")));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	/**
	 * Tags in lower case with single spaces, without duplicates.
	 */
	static Set<String> normalise(List<String> tags) {
		Set<String> normalised = new LinkedHashSet<>();
		if (tags != null) {
			for (String tag : tags) {
				String clean = normaliseTag(tag);
				if (clean.isEmpty() || clean.length() > 30) {
					throw ApiException.validation("tags", "a tag has 1–30 characters");
				}
				normalised.add(clean);
			}
		}
		return normalised;
	}

	static String normaliseTag(String tag) {
		return (tag != null) ? tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	static BigDecimal hours(double value) {
		return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP);
	}

}
