package com.upcoach.habits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.upcoach.coaching.CoachAssigned;
import com.upcoach.habits.HabitForms.CheckInChanges;
import com.upcoach.habits.HabitForms.GroupChanges;
import com.upcoach.habits.HabitForms.HabitChanges;
import com.upcoach.habits.HabitForms.NewCheckIn;
import com.upcoach.habits.HabitForms.NewGroup;
import com.upcoach.habits.HabitForms.NewHabit;
import com.upcoach.habits.HabitForms.ScheduleForm;
import com.upcoach.habits.domain.DayLog;
import com.upcoach.habits.domain.DayLogRow;
import com.upcoach.habits.domain.DayState;
import com.upcoach.habits.domain.Habit;
import com.upcoach.habits.domain.HabitEvaluation;
import com.upcoach.habits.domain.HabitGroup;
import com.upcoach.habits.domain.HabitGroupRepository;
import com.upcoach.habits.domain.HabitLog;
import com.upcoach.habits.domain.HabitLogRepository;
import com.upcoach.habits.domain.HabitPause;
import com.upcoach.habits.domain.HabitPauseRepository;
import com.upcoach.habits.domain.HabitRepository;
import com.upcoach.habits.domain.HabitSpec;
import com.upcoach.habits.domain.LogStatus;
import com.upcoach.habits.domain.Schedule;
import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The habits module's API: habits, groups, check-ins, pauses and their statistics. Every
 * write takes the owner's next change sequence number first (offline sync).
 */
@Service
public class HabitManagement {

	static final String HABIT = "habit";

	static final String GROUP = "habit_group";

	static final String CHECK_IN = "habit_check_in";

	private final HabitRepository habits;

	private final HabitGroupRepository groups;

	private final HabitLogRepository logs;

	private final HabitPauseRepository pauses;

	private final AccountManagement accounts;

	private final ChangeLog changeLog;

	private final ApplicationEventPublisher events;

	private final HabitSettings settings;

	private final Clock clock;

	HabitManagement(HabitRepository habits, HabitGroupRepository groups, HabitLogRepository logs,
			HabitPauseRepository pauses, AccountManagement accounts, ChangeLog changeLog,
			ApplicationEventPublisher events, HabitSettings settings, Clock clock) {
		this.habits = habits;
		this.groups = groups;
		this.logs = logs;
		this.pauses = pauses;
		this.accounts = accounts;
		this.changeLog = changeLog;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	// ---- Habits

	@Transactional(readOnly = true)
	public Page<HabitView> list(UserId user, Boolean archived, UUID groupId, Pageable pageable) {
		Page<Habit> page = this.habits.search(user.value(), archived, groupId, pageable);
		Map<UUID, HabitEvaluation> evaluations = evaluate(user, page.getContent(), todayOf(user));
		return page.map((habit) -> view(habit, evaluations.get(habit.getId())));
	}

	/**
	 * @return whether the user has any habit, archived ones included
	 */
	@Transactional(readOnly = true)
	public boolean hasHabits(UserId user) {
		return this.habits.existsByUserId(user.value());
	}

	@Transactional(readOnly = true)
	public HabitView get(UserId user, UUID id) {
		Habit habit = habit(user, id);
		return view(habit, evaluate(user, List.of(habit), todayOf(user)).get(id));
	}

	/**
	 * Create a habit; a retry with the same client id returns it unchanged.
	 */
	@Transactional
	public Created<HabitView> create(UserId user, NewHabit request) {
		return create(user, request, null);
	}

	/**
	 * Create a habit for a client, as their coach. Access is checked by the caller.
	 */
	@Transactional
	public Created<HabitView> assign(UserId coach, UserId client, NewHabit request) {
		Created<HabitView> created = create(client, request, coach);
		if (created.created()) {
			this.events.publishEvent(new CoachAssigned(client.value(), coach.value(), "habit", created.view().id(),
					created.view().name(), this.clock.instant()));
		}
		return created;
	}

	private Created<HabitView> create(UserId user, NewHabit request, UserId coach) {
		long seq = this.changeLog.next(user);
		if (request.id() != null) {
			Habit existing = this.habits.findById(request.id()).orElse(null);
			if (existing != null) {
				if (!existing.getUserId().equals(user.value())) {
					throw ApiException.conflict("This id is already used by another resource");
				}
				return new Created<>(get(user, existing.getId()), false);
			}
			if (this.changeLog.isDeleted(HABIT, request.id())) {
				throw ApiException.conflict("A habit with this id was deleted");
			}
		}
		String kind = (request.kind() != null) ? request.kind() : Habit.YES_NO;
		LocalDate start = (request.startDate() != null) ? request.startDate() : todayOf(user);
		Habit habit = new Habit((request.id() != null) ? request.id() : UUID.randomUUID(), user, seq, kind, start,
				(coach != null) ? coach.value() : null);
		habit.setName(request.name().strip());
		habit.setDescription(request.description());
		habit.setIcon(request.icon());
		habit.setColour(request.colour());
		habit.setUnit(request.unit());
		applyTarget(habit, request.target(), request.targetType());
		habit.schedule((request.schedule() != null) ? schedule(request.schedule()) : Schedule.daily());
		habit.reminders((request.reminders() != null) ? request.reminders() : List.of());
		habit.setGroupId(checkedGroup(user, request.groupId()));
		habit.setPosition(this.habits.maxPosition(user.value()) + 1);
		this.habits.save(habit);
		this.habits.flush();
		publishUpdated(habit, "created");
		return new Created<>(view(habit, evaluation(habit, List.of(), List.of(), todayOf(user))), true);
	}

	@Transactional
	public HabitView update(UserId user, UUID id, HabitChanges changes, String ifMatch) {
		long seq = this.changeLog.next(user);
		Habit habit = habit(user, id);
		ETags.checkIfMatch(ifMatch, habit.getVersion());
		boolean changed = false;
		changed |= set(habit.getName(), (changes.name() != null) ? changes.name().strip() : null, habit::setName);
		changed |= set(habit.getDescription(), changes.description(), habit::setDescription);
		changed |= set(habit.getIcon(), changes.icon(), habit::setIcon);
		changed |= set(habit.getColour(), changes.colour(), habit::setColour);
		changed |= set(habit.getUnit(), changes.unit(), habit::setUnit);
		if (changes.target() != null || changes.targetType() != null) {
			BigDecimal oldTarget = habit.getTarget();
			String oldType = habit.getTargetType();
			applyTarget(habit, (changes.target() != null) ? changes.target() : habit.getTarget(),
					(changes.targetType() != null) ? changes.targetType() : habit.getTargetType());
			changed |= oldTarget.compareTo(habit.getTarget()) != 0 || !oldType.equals(habit.getTargetType());
		}
		if (changes.schedule() != null) {
			Schedule schedule = schedule(changes.schedule());
			changed |= !schedule.equals(habit.schedule());
			habit.schedule(schedule);
		}
		changed |= set(habit.getStartDate(), changes.startDate(), habit::setStartDate);
		if (changes.reminders() != null) {
			String before = habit.getRemindersText();
			habit.reminders(changes.reminders());
			changed |= !before.equals(habit.getRemindersText());
		}
		if (changes.groupId() != null) {
			UUID group = changes.groupId().isEmpty() ? null
					: checkedGroup(user, parseUuid("groupId", changes.groupId()));
			changed |= set(habit.getGroupId(), group, habit::setGroupId, true);
		}
		if (changed) {
			habit.stamp(seq);
			this.habits.flush();
			publishUpdated(habit, "updated");
		}
		return get(user, id);
	}

	@Transactional
	public void delete(UserId user, UUID id) {
		this.changeLog.next(user);
		Habit habit = habit(user, id);
		HabitEvaluation before = evaluation(user, habit);
		List<HabitLog> checkIns = this.logs.findByUserIdAndHabitId(user.value(), id);
		for (HabitLog log : checkIns) {
			this.changeLog.deleted(user, CHECK_IN, log.getId(), log.getVersion());
		}
		this.logs.deleteAll(checkIns);
		this.pauses.deleteAll(this.pauses.findForHabits(user.value(), List.of(id)));
		this.changeLog.deleted(user, HABIT, id, habit.getVersion());
		this.habits.delete(habit);
		this.events.publishEvent(new HabitUpdated(user.value(), id, "deleted", before.currentStreak(),
				before.strength(), this.clock.instant(), null));
	}

	@Transactional
	public HabitView archive(UserId user, UUID id) {
		long seq = this.changeLog.next(user);
		Habit habit = habit(user, id);
		if (habit.getArchivedAt() == null) {
			habit.setArchivedAt(this.clock.instant());
			habit.stamp(seq);
			this.habits.flush();
			publishUpdated(habit, "archived");
		}
		return get(user, id);
	}

	@Transactional
	public HabitView restore(UserId user, UUID id) {
		long seq = this.changeLog.next(user);
		Habit habit = habit(user, id);
		if (habit.getArchivedAt() != null) {
			habit.setArchivedAt(null);
			habit.stamp(seq);
			this.habits.flush();
			publishUpdated(habit, "restored");
		}
		return get(user, id);
	}

	/**
	 * Put the listed habits first, in the given order; the others follow in their old
	 * order.
	 */
	@Transactional
	public void reorder(UserId user, List<UUID> ids) {
		this.changeLog.next(user);
		List<Habit> all = this.habits.findByUserIdOrderByPositionAsc(user.value());
		reorder(user, ids, all, Habit::getId, Habit::getPosition, (habit, position) -> {
			habit.setPosition(position);
			habit.stamp(this.changeLog.next(user));
		}, "Habit");
	}

	/**
	 * Pause a habit (a vacation): its days from {@code from} to {@code until} are not
	 * due, so they neither break nor extend a streak.
	 */
	@Transactional
	public HabitView pause(UserId user, UUID id, HabitForms.Pause request) {
		long seq = this.changeLog.next(user);
		Habit habit = habit(user, id);
		LocalDate today = todayOf(user);
		LocalDate from = (request.from() != null) ? request.from() : today;
		if (request.until() != null && request.until().isBefore(from)) {
			throw ApiException.validation("until", "must not be before the first paused day " + from);
		}
		if (from.isBefore(today.minusDays(this.settings.checkInWindowDays()))) {
			throw ApiException.validation("from",
					"may be at most " + this.settings.checkInWindowDays() + " days in the past");
		}
		for (HabitPause pause : this.pauses.findForHabits(user.value(), List.of(id))) {
			if (!pause.getFirst().isBefore(from)) {
				this.pauses.delete(pause);
			}
			else if (pause.getLast() == null || !pause.getLast().isBefore(from)) {
				pause.setLast(from.minusDays(1));
			}
		}
		this.pauses.flush();
		this.pauses.save(new HabitPause(id, user.value(), from, request.until()));
		habit.stamp(seq);
		this.habits.flush();
		publishUpdated(habit, "paused");
		return get(user, id);
	}

	/**
	 * End the current pause today (today is due again) and drop planned ones.
	 */
	@Transactional
	public HabitView resume(UserId user, UUID id) {
		long seq = this.changeLog.next(user);
		Habit habit = habit(user, id);
		LocalDate today = todayOf(user);
		boolean changed = false;
		for (HabitPause pause : this.pauses.findForHabits(user.value(), List.of(id))) {
			if (!pause.getFirst().isBefore(today)) {
				this.pauses.delete(pause);
				changed = true;
			}
			else if (pause.getLast() == null || !pause.getLast().isBefore(today)) {
				pause.setLast(today.minusDays(1));
				changed = true;
			}
		}
		if (changed) {
			this.pauses.flush();
			habit.stamp(seq);
			this.habits.flush();
			publishUpdated(habit, "resumed");
		}
		return get(user, id);
	}

	@Transactional(readOnly = true)
	public HabitStats stats(UserId user, UUID id, LocalDate from, LocalDate to) {
		Habit habit = habit(user, id);
		LocalDate today = todayOf(user);
		LocalDate last = (to != null) ? to : today;
		LocalDate first = (from != null) ? from : last.minusDays(364);
		if (first.isAfter(last)) {
			throw ApiException.validation("from", "must not be after 'to'");
		}
		if (first.plusDays(3660).isBefore(last)) {
			throw ApiException.validation("from", "the range may span at most 10 years");
		}
		HabitEvaluation evaluation = evaluate(user, List.of(habit), today).get(id);
		Map<LocalDate, HabitLog> byDay = this.logs.findByUserIdAndHabitId(user.value(), id)
			.stream()
			.collect(Collectors.toMap(HabitLog::getDay, Function.identity()));
		List<HabitStats.HeatMapDay> heatMap = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			HabitLog log = byDay.get(day);
			heatMap.add(new HabitStats.HeatMapDay(day, (log != null) ? log.getAmount() : null,
					evaluation.state(day).value(), day.isAfter(today) ? 0 : evaluation.strengthOn(day)));
		}
		Schedule.Type type = habit.schedule().type();
		String unit = (type == Schedule.Type.TIMES_PER_WEEK) ? "week"
				: (type == Schedule.Type.TIMES_PER_MONTH) ? "month" : "day";
		return new HabitStats(id, today, evaluation.currentStreak(), evaluation.longestStreak(), unit,
				evaluation.strength(), new HabitStats.Completion(evaluation.completionRate(7),
						evaluation.completionRate(30), evaluation.completionRate(90)),
				heatMap, bestStreaks(evaluation));
	}

	private static List<HabitStats.Streak> bestStreaks(HabitEvaluation evaluation) {
		return evaluation.streakRuns()
			.stream()
			.sorted(Comparator.comparingInt(HabitEvaluation.StreakRun::length)
				.thenComparing(HabitEvaluation.StreakRun::to)
				.reversed())
			.limit(5)
			.map((run) -> new HabitStats.Streak(run.from(), run.to(), run.length()))
			.toList();
	}

	// ---- Groups

	@Transactional(readOnly = true)
	public Page<HabitGroupView> groups(UserId user, Pageable pageable) {
		Page<HabitGroup> page = this.groups.findByUserId(user.value(), pageable);
		Map<UUID, List<Double>> strengths = groupStrengths(user, page.getContent());
		return page.map((group) -> groupView(group, strengths.getOrDefault(group.getId(), List.of())));
	}

	List<HabitGroupView> groupViews(UserId user, List<HabitGroup> list) {
		Map<UUID, List<Double>> strengths = groupStrengths(user, list);
		return list.stream()
			.map((group) -> groupView(group, strengths.getOrDefault(group.getId(), List.of())))
			.toList();
	}

	@Transactional(readOnly = true)
	public HabitGroupView group(UserId user, UUID id) {
		HabitGroup group = groupOf(user, id);
		return groupView(group, groupStrengths(user, List.of(group)).getOrDefault(id, List.of()));
	}

	@Transactional
	public Created<HabitGroupView> createGroup(UserId user, NewGroup request) {
		long seq = this.changeLog.next(user);
		if (request.id() != null) {
			HabitGroup existing = this.groups.findById(request.id()).orElse(null);
			if (existing != null) {
				if (!existing.getUserId().equals(user.value())) {
					throw ApiException.conflict("This id is already used by another resource");
				}
				return new Created<>(group(user, existing.getId()), false);
			}
			if (this.changeLog.isDeleted(GROUP, request.id())) {
				throw ApiException.conflict("A habit group with this id was deleted");
			}
		}
		HabitGroup group = new HabitGroup((request.id() != null) ? request.id() : UUID.randomUUID(), user, seq);
		group.setName(request.name().strip());
		group.setColour(request.colour());
		group.setPosition(this.groups.maxPosition(user.value()) + 1);
		this.groups.saveAndFlush(group);
		return new Created<>(groupView(group, List.of()), true);
	}

	@Transactional
	public HabitGroupView updateGroup(UserId user, UUID id, GroupChanges changes, String ifMatch) {
		long seq = this.changeLog.next(user);
		HabitGroup group = groupOf(user, id);
		ETags.checkIfMatch(ifMatch, group.getVersion());
		boolean changed = set(group.getName(), (changes.name() != null) ? changes.name().strip() : null,
				group::setName);
		changed |= set(group.getColour(), changes.colour(), group::setColour);
		if (changed) {
			group.stamp(seq);
			this.groups.flush();
		}
		return group(user, id);
	}

	/**
	 * Delete a group; its habits stay, without a group.
	 */
	@Transactional
	public void deleteGroup(UserId user, UUID id) {
		this.changeLog.next(user);
		HabitGroup group = groupOf(user, id);
		for (Habit habit : this.habits.findByUserIdAndGroupIdIn(user.value(), List.of(id))) {
			habit.setGroupId(null);
			habit.stamp(this.changeLog.next(user));
		}
		this.habits.flush();
		this.changeLog.deleted(user, GROUP, id, group.getVersion());
		this.groups.delete(group);
	}

	@Transactional
	public void reorderGroups(UserId user, List<UUID> ids) {
		this.changeLog.next(user);
		List<HabitGroup> all = this.groups.findByUserIdOrderByPositionAsc(user.value());
		reorder(user, ids, all, HabitGroup::getId, HabitGroup::getPosition, (group, position) -> {
			group.setPosition(position);
			group.stamp(this.changeLog.next(user));
		}, "Habit group");
	}

	// ---- Check-ins

	@Transactional(readOnly = true)
	public Page<CheckInView> checkIns(UserId user, UUID habitId, LocalDate from, LocalDate to, Pageable pageable) {
		Habit habit = habit(user, habitId);
		HabitSpec spec = habit.spec(List.of());
		return this.logs
			.search(user.value(), habitId, (from != null) ? from : LocalDate.of(1, 1, 1),
					(to != null) ? to : LocalDate.of(9999, 12, 31), pageable)
			.map((log) -> checkInView(log, spec));
	}

	@Transactional(readOnly = true)
	public CheckInView checkIn(UserId user, UUID habitId, UUID id) {
		Habit habit = habit(user, habitId);
		return checkInView(checkInOf(user, habitId, id), habit.spec(List.of()));
	}

	/**
	 * Record a check-in for a local day. A day has one check-in: a retry (same id, or the
	 * same day) returns it unchanged, an {@code increment} adds to a numeric habit's
	 * value (once per client id: a retried increment returns the day's check-in).
	 */
	@Transactional
	public Created<CheckInView> checkIn(UserId user, UUID habitId, NewCheckIn request) {
		long seq = this.changeLog.next(user);
		Habit habit = habit(user, habitId);
		if (request.id() != null) {
			HabitLog existing = this.logs.findById(request.id())
				.or(() -> this.logs.findByIncrementId(request.id()))
				.orElse(null);
			if (existing != null) {
				if (!existing.getUserId().equals(user.value()) || !existing.getHabitId().equals(habitId)) {
					throw ApiException.conflict("This id is already used by another resource");
				}
				return new Created<>(checkInView(existing, habit.spec(List.of())), false);
			}
			if (this.changeLog.isDeleted(CHECK_IN, request.id())) {
				throw ApiException.conflict("A check-in with this id was deleted");
			}
		}
		LocalDate day = checkedDay(user, habit, request.date());
		boolean skipped = Boolean.TRUE.equals(request.skipped());
		boolean increment = Boolean.TRUE.equals(request.increment());
		if (increment && (!habit.numeric() || skipped)) {
			throw ApiException.validation("increment", "only adds to the value of a numeric habit");
		}
		BigDecimal value = checkedValue(habit, request.value(), skipped);
		HabitLog existing = this.logs.findByHabitIdAndDay(habitId, day).orElse(null);
		if (existing != null) {
			boolean unfreeze = existing.status() == LogStatus.FROZEN && !skipped;
			if (!increment && !unfreeze) {
				return new Created<>(checkInView(existing, habit.spec(List.of())), false);
			}
			if (increment && existing.status() == LogStatus.VALUE) {
				existing.setAmount(existing.getAmount().add(value));
				if (request.id() != null) {
					this.logs.recordIncrement(request.id(), existing.getId());
				}
			}
			else {
				existing.status(LogStatus.VALUE);
				existing.setAmount(value);
			}
			if (request.note() != null) {
				existing.setNote(request.note());
			}
			existing.stamp(seq);
			this.logs.flush();
			return new Created<>(afterCheckIn(user, habit, existing, false), false);
		}
		HabitLog log = new HabitLog((request.id() != null) ? request.id() : UUID.randomUUID(), user, seq, habitId, day);
		log.status(skipped ? LogStatus.SKIPPED : LogStatus.VALUE);
		log.setAmount(value);
		log.setNote(request.note());
		this.logs.saveAndFlush(log);
		return new Created<>(afterCheckIn(user, habit, log, true), true);
	}

	@Transactional
	public CheckInView updateCheckIn(UserId user, UUID habitId, UUID id, CheckInChanges changes, String ifMatch) {
		long seq = this.changeLog.next(user);
		Habit habit = habit(user, habitId);
		HabitLog log = checkInOf(user, habitId, id);
		ETags.checkIfMatch(ifMatch, log.getVersion());
		if (habit.getArchivedAt() != null) {
			throw ApiException.conflict("The habit is archived; restore it to change its check-ins");
		}
		boolean changed = false;
		if (changes.skipped() != null) {
			LogStatus status = changes.skipped() ? LogStatus.SKIPPED : LogStatus.VALUE;
			if (status != log.status()) {
				log.status(status);
				if (status == LogStatus.SKIPPED) {
					log.setAmount(BigDecimal.ZERO.setScale(2));
				}
				else if (changes.value() == null) {
					log.setAmount(checkedValue(habit, null, false));
				}
				changed = true;
			}
		}
		if (changes.value() != null) {
			if (log.status() != LogStatus.VALUE) {
				throw ApiException.validation("value", "a skipped day has no value; send skipped=false with it");
			}
			BigDecimal value = checkedValue(habit, changes.value(), false);
			changed |= set(log.getAmount(), value, log::setAmount, true);
		}
		changed |= set(log.getNote(), changes.note(), log::setNote);
		if (!changed) {
			return checkInView(log, habit.spec(List.of()));
		}
		log.stamp(seq);
		this.logs.flush();
		return afterCheckIn(user, habit, log, false);
	}

	@Transactional
	public void deleteCheckIn(UserId user, UUID habitId, UUID id) {
		this.changeLog.next(user);
		Habit habit = habit(user, habitId);
		remove(user, habit, checkInOf(user, habitId, id));
	}

	/**
	 * Undo today's check-in or skip of a habit, as a one-tap app does; nothing to undo is
	 * not an error (another device may have undone it first).
	 */
	@Transactional
	public void undoToday(UserId user, UUID habitId) {
		// The change log's counter first, as every write: it queues this user's writes,
		// so an undo from another device that came first is seen here as done.
		this.changeLog.next(user);
		Habit habit = habit(user, habitId);
		this.logs.findByHabitIdAndDay(habitId, todayOf(user)).ifPresent((log) -> remove(user, habit, log));
	}

	private void remove(UserId user, Habit habit, HabitLog log) {
		this.changeLog.deleted(user, CHECK_IN, log.getId(), log.getVersion());
		this.logs.delete(log);
		this.logs.flush();
		publishUpdated(habit, "check_in_removed", log.getDay());
	}

	// ---- Reads for other modules

	/**
	 * The user's active habits due today (or done or skipped today), with their state and
	 * scores: a fixed number of SQL statements whatever the number of habits.
	 */
	@Transactional(readOnly = true)
	public List<HabitDay> today(UserId user) {
		LocalDate today = todayOf(user);
		List<Habit> active = this.habits.findByUserIdAndArchivedAtIsNullOrderByPositionAsc(user.value());
		return dueOn(user, active, evaluate(user, active, today), today);
	}

	/**
	 * What a dashboard shows of the user's habits: {@link #today} and
	 * {@link #completionByDay} from one read of the habits and their check-ins.
	 */
	@Transactional(readOnly = true)
	public Dashboard dashboard(UserId user, LocalDate from, LocalDate to) {
		checkRange(from, to);
		UserCalendar calendar = calendar(user);
		LocalDate today = calendar.today(this.clock);
		List<Habit> all = this.habits.findByUserIdOrderByPositionAsc(user.value());
		Map<UUID, HabitEvaluation> evaluations = evaluate(user, all, today);
		List<Habit> active = all.stream().filter((habit) -> habit.getArchivedAt() == null).toList();
		return new Dashboard(dueOn(user, active, evaluations, today),
				shares(all, evaluations, calendar, from, to, today));
	}

	/**
	 * @param today the habits due on the user's day, as {@link #today} gives them
	 * @param completion the share of due habits done per day, as {@link #completionByDay}
	 * gives it
	 */
	public record Dashboard(List<HabitDay> today, Map<LocalDate, Double> completion) {
	}

	private List<HabitDay> dueOn(UserId user, List<Habit> active, Map<UUID, HabitEvaluation> evaluations,
			LocalDate today) {
		Map<UUID, String> groupNames = active.stream().anyMatch((habit) -> habit.getGroupId() != null)
				? this.groups.findByUserIdOrderByPositionAsc(user.value())
					.stream()
					.collect(Collectors.toMap(HabitGroup::getId, HabitGroup::getName))
				: Map.of();
		Map<UUID, BigDecimal> values = new HashMap<>();
		evaluations.forEach((id, evaluation) -> {
			DayLog log = evaluation.log(today);
			if (log != null && !log.excused()) {
				values.put(id, BigDecimal.valueOf(log.value()).setScale(2));
			}
		});
		List<HabitDay> due = new ArrayList<>();
		for (Habit habit : active) {
			HabitEvaluation evaluation = evaluations.get(habit.getId());
			DayState state = evaluation.state(today);
			if (!evaluation.dueOn(today) && state != DayState.DONE && state != DayState.SKIPPED) {
				continue;
			}
			String shown = (state == DayState.DONE) ? "done" : (state == DayState.SKIPPED) ? "skipped"
					: (values.get(habit.getId()) != null && values.get(habit.getId()).signum() > 0 && !habit.atMost())
							? "partial" : "pending";
			due.add(new HabitDay(habit.getId(), habit.getName(), habit.getIcon(), habit.getColour(), habit.getKind(),
					habit.getUnit(), habit.getTarget(), habit.getTargetType(), shown, values.get(habit.getId()),
					evaluation.currentStreak(), evaluation.strength(), habit.getGroupId(),
					(habit.getGroupId() != null) ? groupNames.get(habit.getGroupId()) : null));
		}
		return due;
	}

	/**
	 * The share (0–1) of the user's due habits done on each local day of the range; days
	 * when nothing was due are left out. A fixed number of SQL statements.
	 */
	@Transactional(readOnly = true)
	public Map<LocalDate, Double> completionByDay(UserId user, LocalDate from, LocalDate to) {
		checkRange(from, to);
		UserCalendar calendar = calendar(user);
		LocalDate today = calendar.today(this.clock);
		List<Habit> all = this.habits.findByUserIdOrderByPositionAsc(user.value());
		return shares(all, evaluate(user, all, today), calendar, from, to, today);
	}

	private static void checkRange(LocalDate from, LocalDate to) {
		if (from.isAfter(to) || from.plusDays(3660).isBefore(to)) {
			throw ApiException.validation("from", "must not be after 'to' nor more than 10 years before it");
		}
	}

	private static Map<LocalDate, Double> shares(List<Habit> all, Map<UUID, HabitEvaluation> evaluations,
			UserCalendar calendar, LocalDate from, LocalDate to, LocalDate today) {
		Map<LocalDate, Double> shares = new LinkedHashMap<>();
		LocalDate last = to.isAfter(today) ? today : to;
		for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
			int due = 0;
			int done = 0;
			for (Habit habit : all) {
				if (habit.getArchivedAt() != null && !calendar.dayOf(habit.getArchivedAt()).isAfter(day)) {
					continue;
				}
				HabitEvaluation evaluation = evaluations.get(habit.getId());
				boolean isDone = evaluation.state(day) == DayState.DONE;
				if (evaluation.dueOn(day) || (isDone && !day.isBefore(habit.getStartDate()))) {
					due++;
					if (isDone) {
						done++;
					}
				}
			}
			if (due > 0) {
				shares.put(day, (double) done / due);
			}
		}
		return shares;
	}

	// ---- Used by the module's job, listeners and sync

	UserCalendar calendar(UserId user) {
		return this.accounts.profile(user).calendar();
	}

	/**
	 * @return the user's local day now, in their zone and from their day-start hour
	 */
	public LocalDate todayOf(UserId user) {
		return calendar(user).today(this.clock);
	}

	Map<UUID, HabitEvaluation> evaluate(UserId user, List<Habit> list, LocalDate today) {
		if (list.isEmpty()) {
			return Map.of();
		}
		List<UUID> ids = list.stream().map(Habit::getId).toList();
		Map<UUID, List<HabitSpec.Pause>> pausesByHabit = new HashMap<>();
		for (HabitPause pause : this.pauses.findForHabits(user.value(), ids)) {
			pausesByHabit.computeIfAbsent(pause.getHabitId(), (key) -> new ArrayList<>()).add(pause.toPause());
		}
		Map<UUID, List<DayLogRow>> logsByHabit = new HashMap<>();
		for (DayLogRow log : this.logs.findDayLogs(user.value(), ids)) {
			logsByHabit.computeIfAbsent(log.habitId(), (key) -> new ArrayList<>()).add(log);
		}
		Map<UUID, HabitEvaluation> evaluations = new HashMap<>();
		for (Habit habit : list) {
			evaluations.put(habit.getId(), evaluation(habit, pausesByHabit.getOrDefault(habit.getId(), List.of()),
					logsByHabit.getOrDefault(habit.getId(), List.of()), today));
		}
		return evaluations;
	}

	HabitEvaluation evaluation(UserId user, Habit habit) {
		return evaluate(user, List.of(habit), todayOf(user)).get(habit.getId());
	}

	static HabitEvaluation evaluation(Habit habit, List<HabitSpec.Pause> pauses, List<DayLogRow> logs,
			LocalDate today) {
		Map<LocalDate, DayLog> byDay = new HashMap<>();
		for (DayLogRow log : logs) {
			byDay.put(log.day(), log.toDayLog());
		}
		return new HabitEvaluation(habit.spec(pauses), byDay, today);
	}

	Habit habit(UserId user, UUID id) {
		return this.habits.findByIdAndUserId(id, user.value()).orElseThrow(() -> new NotFoundException("Habit", id));
	}

	HabitView view(Habit habit, HabitEvaluation evaluation) {
		Schedule schedule = habit.schedule();
		HabitView.ScheduleView scheduleView = new HabitView.ScheduleView(schedule.type().value(),
				schedule.days().stream().map((day) -> day.name().toLowerCase(Locale.ROOT)).toList(),
				schedule.periodic() ? schedule.count() : null,
				(schedule.type() == Schedule.Type.EVERY_N_DAYS) ? schedule.count() : null);
		LocalDate today = evaluation.today();
		HabitSpec.Pause next = evaluation.spec()
			.pauses()
			.stream()
			.filter((pause) -> pause.last() == null || !pause.last().isBefore(today))
			.min((a, b) -> a.first().compareTo(b.first()))
			.orElse(null);
		return new HabitView(habit.getId(), habit.getName(), habit.getDescription(), habit.getIcon(), habit.getColour(),
				habit.getKind(), habit.getUnit(), habit.getTarget(), habit.getTargetType(), scheduleView,
				habit.getStartDate(), habit.reminders().stream().map(LocalTime::toString).toList(), habit.getGroupId(),
				habit.getPosition(), habit.getArchivedAt() != null, habit.getArchivedAt(),
				next != null && next.covers(today), (next != null) ? next.first() : null,
				(next != null) ? next.last() : null, habit.getAssignedBy(), evaluation.currentStreak(),
				evaluation.longestStreak(), evaluation.strength(), habit.getCreatedAt(), habit.getUpdatedAt(),
				habit.getVersion());
	}

	static CheckInView checkInView(HabitLog log, HabitSpec spec) {
		boolean completed = log.status() == LogStatus.VALUE && (spec.atMost()
				? log.getAmount().doubleValue() <= spec.target() : log.getAmount().doubleValue() >= spec.target());
		return new CheckInView(log.getId(), log.getHabitId(), log.getDay(), log.getAmount(), log.getNote(),
				log.status().value(), completed, log.getCreatedAt(), log.getUpdatedAt(), log.getVersion());
	}

	HabitLog checkInOf(UserId user, UUID habitId, UUID id) {
		return this.logs.findByIdAndUserId(id, user.value())
			.filter((log) -> log.getHabitId().equals(habitId))
			.orElseThrow(() -> new NotFoundException("Check-in", id));
	}

	// ---- Internals

	private CheckInView afterCheckIn(UserId user, Habit habit, HabitLog log, boolean created) {
		HabitEvaluation evaluation = evaluation(user, habit);
		CheckInView view = checkInView(log, habit.spec(List.of()));
		if (log.status() == LogStatus.SKIPPED) {
			this.events.publishEvent(new HabitUpdated(user.value(), habit.getId(), "skipped",
					evaluation.currentStreak(), evaluation.strength(), this.clock.instant(), log.getDay()));
		}
		else {
			boolean first = created && this.logs.countValues(user.value()) == 1;
			this.events.publishEvent(new HabitCheckedIn(user.value(), habit.getId(), log.getId(), log.getDay(),
					view.completed(), log.getAmount(), evaluation.currentStreak(), evaluation.longestStreak(),
					evaluation.strength(), first, this.clock.instant()));
		}
		return view;
	}

	private void publishUpdated(Habit habit, String change) {
		publishUpdated(habit, change, null);
	}

	private void publishUpdated(Habit habit, String change, LocalDate day) {
		HabitEvaluation evaluation = evaluation(habit.owner(), habit);
		this.events.publishEvent(new HabitUpdated(habit.getUserId(), habit.getId(), change, evaluation.currentStreak(),
				evaluation.strength(), this.clock.instant(), day));
	}

	private LocalDate checkedDay(UserId user, Habit habit, LocalDate requested) {
		LocalDate today = todayOf(user);
		LocalDate day = (requested != null) ? requested : today;
		if (day.isAfter(today)) {
			throw ApiException.validation("date", "is in the future (today is " + today + ")");
		}
		int window = this.settings.checkInWindowDays();
		if (day.isBefore(today.minusDays(window))) {
			throw ApiException.validation("date",
					"is more than " + window + " days ago; check-ins can be logged up to " + window + " days back");
		}
		if (day.isBefore(habit.getStartDate())) {
			throw ApiException.validation("date", "is before the habit starts (" + habit.getStartDate() + ")");
		}
		if (habit.getArchivedAt() != null) {
			throw ApiException.conflict("The habit is archived; restore it to check in");
		}
		return day;
	}

	private static BigDecimal checkedValue(Habit habit, BigDecimal value, boolean skipped) {
		if (skipped) {
			return BigDecimal.ZERO.setScale(2);
		}
		if (!habit.numeric()) {
			if (value != null && value.compareTo(BigDecimal.ONE) != 0 && value.signum() != 0) {
				throw ApiException.validation("value", "a yes/no habit takes 1 (done) or 0");
			}
			return ((value != null) ? value : BigDecimal.ONE).setScale(2);
		}
		if (value == null) {
			throw ApiException.validation("value", "is required for a numeric habit");
		}
		return value.setScale(2);
	}

	private static void applyTarget(Habit habit, BigDecimal target, String targetType) {
		if (!habit.numeric()) {
			if (target != null && target.compareTo(BigDecimal.ONE) != 0) {
				throw ApiException.validation("target", "a yes/no habit has no target; use a numeric habit");
			}
			if (Habit.AT_MOST.equals(targetType)) {
				throw ApiException.validation("targetType", "a yes/no habit is done or not; use a numeric habit");
			}
			habit.setTarget(BigDecimal.ONE.setScale(2));
			habit.setTargetType(Habit.AT_LEAST);
			return;
		}
		if (target == null) {
			throw ApiException.validation("target", "is required for a numeric habit");
		}
		String type = (targetType != null) ? targetType : Habit.AT_LEAST;
		if (Habit.AT_LEAST.equals(type) && target.signum() <= 0) {
			throw ApiException.validation("target", "must be greater than 0 for an at-least target");
		}
		habit.setTarget(target.setScale(2));
		habit.setTargetType(type);
	}

	static Schedule schedule(ScheduleForm form) {
		Schedule.Type type = Schedule.Type.of(form.type());
		List<String> days = (form.days() != null) ? form.days() : List.of();
		if (type != Schedule.Type.WEEKDAYS && !days.isEmpty()) {
			throw ApiException.validation("schedule.days", "only a weekdays schedule lists days");
		}
		if (!Schedule.Type.TIMES_PER_WEEK.equals(type) && !Schedule.Type.TIMES_PER_MONTH.equals(type)
				&& form.times() != null) {
			throw ApiException.validation("schedule.times", "only times_per_week and times_per_month take times");
		}
		if (type != Schedule.Type.EVERY_N_DAYS && form.interval() != null) {
			throw ApiException.validation("schedule.interval", "only every_n_days takes an interval");
		}
		return switch (type) {
			case DAILY -> Schedule.daily();
			case WEEKDAYS -> {
				if (days.isEmpty()) {
					throw ApiException.validation("schedule.days", "name at least one weekday");
				}
				Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
				days.forEach((day) -> set.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT))));
				yield new Schedule(type, set, 1);
			}
			case TIMES_PER_WEEK, TIMES_PER_MONTH -> {
				int max = (type == Schedule.Type.TIMES_PER_WEEK) ? 7 : 31;
				if (form.times() == null || form.times() > max) {
					throw ApiException.validation("schedule.times", "must be between 1 and " + max);
				}
				yield new Schedule(type, Set.of(), form.times());
			}
			case EVERY_N_DAYS -> {
				if (form.interval() == null) {
					throw ApiException.validation("schedule.interval", "is required (2–365)");
				}
				yield new Schedule(type, Set.of(), form.interval());
			}
		};
	}

	private UUID checkedGroup(UserId user, UUID groupId) {
		if (groupId != null && this.groups.findByIdAndUserId(groupId, user.value()).isEmpty()) {
			throw ApiException.validation("groupId", "no such habit group");
		}
		return groupId;
	}

	private HabitGroup groupOf(UserId user, UUID id) {
		return this.groups.findByIdAndUserId(id, user.value())
			.orElseThrow(() -> new NotFoundException("Habit group", id));
	}

	private Map<UUID, List<Double>> groupStrengths(UserId user, List<HabitGroup> list) {
		if (list.isEmpty()) {
			return Map.of();
		}
		List<Habit> members = this.habits
			.findByUserIdAndGroupIdIn(user.value(), list.stream().map(HabitGroup::getId).toList())
			.stream()
			.filter((habit) -> habit.getArchivedAt() == null)
			.toList();
		Map<UUID, HabitEvaluation> evaluations = evaluate(user, members, todayOf(user));
		Map<UUID, List<Double>> strengths = new HashMap<>();
		for (Habit habit : members) {
			strengths.computeIfAbsent(habit.getGroupId(), (key) -> new ArrayList<>())
				.add(evaluations.get(habit.getId()).strength());
		}
		return strengths;
	}

	private static HabitGroupView groupView(HabitGroup group, List<Double> strengths) {
		Double score = strengths.isEmpty() ? null
				: Math.round(strengths.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 10) / 10.0;
		return new HabitGroupView(group.getId(), group.getName(), group.getColour(), group.getPosition(), score,
				strengths.size(), group.getCreatedAt(), group.getUpdatedAt(), group.getVersion());
	}

	private static <T> void reorder(UserId user, List<UUID> ids, List<T> all, Function<T, UUID> idOf,
			Function<T, Integer> positionOf, java.util.function.BiConsumer<T, Integer> move, String resource) {
		Map<UUID, T> byId = all.stream().collect(Collectors.toMap(idOf, Function.identity()));
		List<T> ordered = new ArrayList<>();
		for (UUID id : new java.util.LinkedHashSet<>(ids)) {
			T item = byId.get(id);
			if (item == null) {
				throw new NotFoundException(resource, id);
			}
			ordered.add(item);
		}
		for (T item : all) {
			if (!ordered.contains(item)) {
				ordered.add(item);
			}
		}
		for (int position = 0; position < ordered.size(); position++) {
			T item = ordered.get(position);
			if (positionOf.apply(item) != position) {
				move.accept(item, position);
			}
		}
	}

	private static UUID parseUuid(String field, String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation(field, "is not a valid id");
		}
	}

	private static <T> boolean set(T current, T value, java.util.function.Consumer<T> setter) {
		return set(current, value, setter, false);
	}

	private static <T> boolean set(T current, T value, java.util.function.Consumer<T> setter, boolean nullable) {
		if ((value == null && !nullable) || equal(current, value)) {
			return false;
		}
		setter.accept(value);
		return true;
	}

	private static boolean equal(Object a, Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		return Objects.equals(a, b);
	}

	/**
	 * A create's result: the resource, and whether it was created now (201) or already
	 * existed (a retry, 200).
	 */
	public record Created<T>(T view, boolean created) {
	}

}
