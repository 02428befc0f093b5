package com.upcoach.habits;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.upcoach.habits.domain.DayLogRow;
import com.upcoach.habits.domain.DayState;
import com.upcoach.habits.domain.Habit;
import com.upcoach.habits.domain.HabitEvaluation;
import com.upcoach.habits.domain.HabitLogRepository;
import com.upcoach.habits.domain.HabitPause;
import com.upcoach.habits.domain.HabitPauseRepository;
import com.upcoach.habits.domain.HabitRepository;
import com.upcoach.habits.domain.HabitSpec;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reminders need from the habits: each habit's reminder times, and how a local day
 * stands for many habits at once (due, done, skipped or paused, and the streak). The
 * reads of many habits take a fixed number of SQL statements whatever their number, so a
 * job reminding thousands of users does not read habit by habit.
 */
@Service
public class HabitReminders {

	private final HabitRepository habits;

	private final HabitLogRepository logs;

	private final HabitPauseRepository pauses;

	HabitReminders(HabitRepository habits, HabitLogRepository logs, HabitPauseRepository pauses) {
		this.habits = habits;
		this.logs = logs;
		this.pauses = pauses;
	}

	/**
	 * @return the habit's reminder plan, empty when the habit no longer exists
	 */
	@Transactional(readOnly = true)
	public Optional<ReminderPlan> plan(UUID habitId) {
		return this.habits.findById(habitId).map(HabitReminders::plan);
	}

	/**
	 * Every active habit (with or without reminder times), ordered by owner: what a
	 * rebuild of the reminder schedule reads page by page.
	 */
	@Transactional(readOnly = true)
	public Slice<ReminderPlan> activePlans(Pageable pageable) {
		return this.habits.findActive(pageable).map(HabitReminders::plan);
	}

	/**
	 * How each habit stands on the given local day of its owner; habits that no longer
	 * exist are left out.
	 */
	@Transactional(readOnly = true)
	public Map<HabitOnDay, DayStatus> status(Collection<HabitOnDay> queries) {
		Set<UUID> ids = new LinkedHashSet<>();
		queries.forEach((query) -> ids.add(query.habitId()));
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Habit> byId = new HashMap<>();
		this.habits.findAllById(ids).forEach((habit) -> byId.put(habit.getId(), habit));
		History history = history(byId.keySet());
		Map<HabitOnDay, DayStatus> status = new HashMap<>();
		for (HabitOnDay query : queries) {
			Habit habit = byId.get(query.habitId());
			if (habit != null) {
				status.put(query, status(habit, history, query.day()));
			}
		}
		return status;
	}

	/**
	 * How each active habit of the given users stands on that user's local day.
	 */
	@Transactional(readOnly = true)
	public List<DayStatus> statusOfUsers(Map<UUID, LocalDate> dayByUser) {
		if (dayByUser.isEmpty()) {
			return List.of();
		}
		List<Habit> active = this.habits.findByUserIdInAndArchivedAtIsNull(dayByUser.keySet());
		History history = history(active.stream().map(Habit::getId).toList());
		List<DayStatus> status = new ArrayList<>();
		for (Habit habit : active) {
			status.add(status(habit, history, dayByUser.get(habit.getUserId())));
		}
		return status;
	}

	private History history(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return new History(Map.of(), Map.of());
		}
		Map<UUID, List<HabitSpec.Pause>> pausesByHabit = new HashMap<>();
		for (HabitPause pause : this.pauses.findForHabits(ids)) {
			pausesByHabit.computeIfAbsent(pause.getHabitId(), (key) -> new ArrayList<>()).add(pause.toPause());
		}
		Map<UUID, List<DayLogRow>> logsByHabit = new HashMap<>();
		for (DayLogRow log : this.logs.findDayLogs(ids)) {
			logsByHabit.computeIfAbsent(log.habitId(), (key) -> new ArrayList<>()).add(log);
		}
		return new History(pausesByHabit, logsByHabit);
	}

	private static DayStatus status(Habit habit, History history, LocalDate day) {
		// Evaluated as of that day: its missing check-in is "pending", and the streak is
		// the one it has going into the day.
		HabitEvaluation evaluation = HabitManagement.evaluation(habit,
				history.pauses().getOrDefault(habit.getId(), List.of()),
				history.logs().getOrDefault(habit.getId(), List.of()), day);
		DayState state = evaluation.state(day);
		return new DayStatus(habit.getId(), habit.getUserId(), habit.getName(), day, habit.getArchivedAt() != null,
				evaluation.dueOn(day), state.value(), evaluation.currentStreak());
	}

	private static ReminderPlan plan(Habit habit) {
		return new ReminderPlan(habit.getId(), habit.getUserId(), habit.getName(), habit.getArchivedAt() != null,
				habit.reminders());
	}

	private record History(Map<UUID, List<HabitSpec.Pause>> pauses, Map<UUID, List<DayLogRow>> logs) {
	}

	/**
	 * A habit's reminders.
	 *
	 * @param habitId the habit
	 * @param userId its owner
	 * @param name its name
	 * @param archived whether it is archived (archived habits are not reminded of)
	 * @param times the local times of day to remind at
	 */
	public record ReminderPlan(UUID habitId, UUID userId, String name, boolean archived, List<LocalTime> times) {
	}

	/**
	 * A habit on one of its owner's local days.
	 */
	public record HabitOnDay(UUID habitId, LocalDate day) {
	}

	/**
	 * How a habit stands on a local day.
	 *
	 * @param habitId the habit
	 * @param userId its owner
	 * @param name its name
	 * @param day the owner's local day
	 * @param archived whether the habit is archived
	 * @param due whether it should be done that day: scheduled (or its period's target
	 * not yet met), not paused and not skipped
	 * @param state the day's state: {@code done}, {@code pending}, {@code skipped},
	 * {@code paused}, {@code not_due}, …
	 * @param currentStreak the streak going into the day, in scheduled periods
	 */
	public record DayStatus(UUID habitId, UUID userId, String name, LocalDate day, boolean archived, boolean due,
			String state, int currentStreak) {

		/**
		 * @return whether the habit is still to be done that day: active, due, and
		 * neither done, skipped nor paused
		 */
		public boolean open() {
			return !this.archived && this.due && DayState.PENDING.value().equals(this.state);
		}

	}

}
