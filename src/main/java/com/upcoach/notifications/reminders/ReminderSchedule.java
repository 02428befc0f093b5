package com.upcoach.notifications.reminders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.upcoach.shared.UserCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code habit_reminder_schedule} and {@code streak_check_schedule}. A row is
 * fired by moving its {@code next_fire_at} from the value read to the next occurrence in
 * one conditional update: of two nodes (or two runs) that read the same due row, the
 * second's update waits for the first's transaction and then matches nothing, so only one
 * of them notifies.
 */
@Repository
class ReminderSchedule {

	private static final String REMINDER_COLUMNS = "habit_id, local_time, user_id, zone, day_start_hour, next_fire_at";

	private static final String CHECK_COLUMNS = "user_id, local_time, zone, day_start_hour, next_fire_at";

	private final JdbcClient jdbc;

	ReminderSchedule(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- Habit reminders

	List<HabitReminder> dueReminders(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + REMINDER_COLUMNS + " FROM habit_reminder_schedule WHERE next_fire_at <= :now"
					+ " ORDER BY next_fire_at LIMIT :limit")
			.param("now", utc(now))
			.param("limit", limit)
			.query(ReminderSchedule::reminder)
			.list();
	}

	List<HabitReminder> remindersOfHabit(UUID habitId) {
		return this.jdbc.sql("SELECT " + REMINDER_COLUMNS + " FROM habit_reminder_schedule WHERE habit_id = :habit")
			.param("habit", habitId)
			.query(ReminderSchedule::reminder)
			.list();
	}

	List<HabitReminder> remindersOfUser(UUID userId) {
		return this.jdbc.sql("SELECT " + REMINDER_COLUMNS + " FROM habit_reminder_schedule WHERE user_id = :user")
			.param("user", userId)
			.query(ReminderSchedule::reminder)
			.list();
	}

	void addReminder(HabitReminder reminder) {
		this.jdbc
			.sql("INSERT INTO habit_reminder_schedule (" + REMINDER_COLUMNS
					+ ") VALUES (:habit, :time, :user, :zone, :dayStart, :next)")
			.param("habit", reminder.habitId())
			.param("time", reminder.time())
			.param("user", reminder.userId())
			.param("zone", reminder.calendar().zone().getId())
			.param("dayStart", reminder.calendar().dayStartHour())
			.param("next", utc(reminder.nextFireAt()))
			.update();
	}

	void moveReminder(UUID habitId, LocalTime time, UserCalendar calendar, Instant next) {
		this.jdbc
			.sql("UPDATE habit_reminder_schedule SET zone = :zone, day_start_hour = :dayStart, next_fire_at = :next"
					+ " WHERE habit_id = :habit AND local_time = :time")
			.param("zone", calendar.zone().getId())
			.param("dayStart", calendar.dayStartHour())
			.param("next", utc(next))
			.param("habit", habitId)
			.param("time", time)
			.update();
	}

	/**
	 * @return whether this caller moved the row from {@code seen} to {@code next} (and so
	 * owns the occurrence)
	 */
	boolean advanceReminder(HabitReminder reminder, Instant next) {
		return this.jdbc
			.sql("UPDATE habit_reminder_schedule SET next_fire_at = :next"
					+ " WHERE habit_id = :habit AND local_time = :time AND next_fire_at = :seen")
			.param("next", utc(next))
			.param("habit", reminder.habitId())
			.param("time", reminder.time())
			.param("seen", utc(reminder.nextFireAt()))
			.update() == 1;
	}

	void removeReminder(UUID habitId, LocalTime time) {
		this.jdbc.sql("DELETE FROM habit_reminder_schedule WHERE habit_id = :habit AND local_time = :time")
			.param("habit", habitId)
			.param("time", time)
			.update();
	}

	void removeReminders(UUID habitId) {
		this.jdbc.sql("DELETE FROM habit_reminder_schedule WHERE habit_id = :habit").param("habit", habitId).update();
	}

	// ---- Streak checks

	List<StreakCheck> dueStreakChecks(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + CHECK_COLUMNS + " FROM streak_check_schedule WHERE next_fire_at <= :now"
					+ " ORDER BY next_fire_at LIMIT :limit")
			.param("now", utc(now))
			.param("limit", limit)
			.query(ReminderSchedule::check)
			.list();
	}

	/**
	 * Lock the user's streak-check row until the transaction ends: changes to one user's
	 * schedule queue behind each other instead of overwriting each other.
	 */
	Optional<StreakCheck> lockStreakCheck(UUID userId) {
		return this.jdbc.sql("SELECT " + CHECK_COLUMNS + " FROM streak_check_schedule WHERE user_id = :user FOR UPDATE")
			.param("user", userId)
			.query(ReminderSchedule::check)
			.optional();
	}

	boolean hasStreakCheck(UUID userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM streak_check_schedule WHERE user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single() > 0;
	}

	void addStreakCheck(StreakCheck check) {
		this.jdbc
			.sql("INSERT INTO streak_check_schedule (" + CHECK_COLUMNS
					+ ") VALUES (:user, :time, :zone, :dayStart, :next)")
			.param("user", check.userId())
			.param("time", check.time())
			.param("zone", check.calendar().zone().getId())
			.param("dayStart", check.calendar().dayStartHour())
			.param("next", utc(check.nextFireAt()))
			.update();
	}

	void moveStreakCheck(UUID userId, LocalTime time, UserCalendar calendar, Instant next) {
		this.jdbc
			.sql("UPDATE streak_check_schedule SET local_time = :time, zone = :zone, day_start_hour = :dayStart,"
					+ " next_fire_at = :next WHERE user_id = :user")
			.param("time", time)
			.param("zone", calendar.zone().getId())
			.param("dayStart", calendar.dayStartHour())
			.param("next", utc(next))
			.param("user", userId)
			.update();
	}

	boolean advanceStreakCheck(StreakCheck check, Instant next) {
		return this.jdbc
			.sql("UPDATE streak_check_schedule SET next_fire_at = :next WHERE user_id = :user AND next_fire_at = :seen")
			.param("next", utc(next))
			.param("user", check.userId())
			.param("seen", utc(check.nextFireAt()))
			.update() == 1;
	}

	List<StreakCheck> streakChecksNotAt(LocalTime time) {
		return this.jdbc.sql("SELECT " + CHECK_COLUMNS + " FROM streak_check_schedule WHERE local_time <> :time")
			.param("time", time)
			.query(ReminderSchedule::check)
			.list();
	}

	boolean isEmpty() {
		return this.jdbc
			.sql("SELECT (SELECT COUNT(*) FROM streak_check_schedule) + (SELECT COUNT(*) FROM habit_reminder_schedule)")
			.query(Long.class)
			.single() == 0;
	}

	private static HabitReminder reminder(ResultSet rs, int row) throws SQLException {
		return new HabitReminder(rs.getObject("habit_id", UUID.class), rs.getObject("local_time", LocalTime.class),
				rs.getObject("user_id", UUID.class), calendar(rs),
				rs.getObject("next_fire_at", OffsetDateTime.class).toInstant());
	}

	private static StreakCheck check(ResultSet rs, int row) throws SQLException {
		return new StreakCheck(rs.getObject("user_id", UUID.class), rs.getObject("local_time", LocalTime.class),
				calendar(rs), rs.getObject("next_fire_at", OffsetDateTime.class).toInstant());
	}

	private static UserCalendar calendar(ResultSet rs) throws SQLException {
		return new UserCalendar(ZoneId.of(rs.getString("zone")), rs.getInt("day_start_hour"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * One reminder time of one habit.
	 */
	record HabitReminder(UUID habitId, LocalTime time, UUID userId, UserCalendar calendar, Instant nextFireAt) {
	}

	/**
	 * One user's evening streak check.
	 */
	record StreakCheck(UUID userId, LocalTime time, UserCalendar calendar, Instant nextFireAt) {
	}

}
