package com.upcoach.habits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.habits.domain.Habit;
import com.upcoach.habits.domain.HabitEvaluation;
import com.upcoach.habits.domain.HabitGroup;
import com.upcoach.habits.domain.HabitGroupRepository;
import com.upcoach.habits.domain.HabitLog;
import com.upcoach.habits.domain.HabitLogRepository;
import com.upcoach.habits.domain.HabitPause;
import com.upcoach.habits.domain.HabitPauseRepository;
import com.upcoach.habits.domain.HabitRepository;
import com.upcoach.habits.domain.LogStatus;
import com.upcoach.habits.domain.Schedule;
import com.upcoach.identity.DemoAccountCreated;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the demo member five habits in two groups with about four months of plausible
 * check-ins (misses, skips and a week's vacation), relative to the clock. Runs once per
 * account: a member who already has habits is left alone.
 */
@Component
class HabitDemoData {

	private static final Logger logger = LoggerFactory.getLogger(HabitDemoData.class);

	private final HabitManagement management;

	private final HabitRepository habits;

	private final HabitGroupRepository groups;

	private final HabitLogRepository logs;

	private final HabitPauseRepository pauses;

	private final ChangeLog changeLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * How many days of history the demo member starts with (benchmarks ask for a year).
	 */
	private final int days;

	HabitDemoData(HabitManagement management, HabitRepository habits, HabitGroupRepository groups,
			HabitLogRepository logs, HabitPauseRepository pauses, ChangeLog changeLog, ApplicationEventPublisher events,
			Clock clock, @Value("${upcoach.demo.habit-history-days:120}") int days) {
		this.days = days;
		this.management = management;
		this.habits = habits;
		this.groups = groups;
		this.logs = logs;
		this.pauses = pauses;
		this.changeLog = changeLog;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DemoAccountCreated event) {
		if (!"user".equals(event.role())) {
			return;
		}
		UserId user = new UserId(event.userId());
		if (!this.habits.findByUserIdOrderByPositionAsc(user.value()).isEmpty()) {
			return;
		}
		seed(user);
		logger.info("Seeded demo habits for {}", event.email());
	}

	void seed(UserId user) {
		this.changeLog.next(user);
		LocalDate today = this.management.todayOf(user);
		LocalDate start = today.minusDays(this.days);
		Random random = new Random(user.value().getMostSignificantBits());
		HabitGroup mind = group(user, "Mind", "#8b5cf6", 0);
		HabitGroup body = group(user, "Body", "#10b981", 1);
		LocalDate vacation = today.minusDays(45);

		Habit meditate = habit(user, "Meditate", "10 minutes of quiet breathing", "🧘", Habit.YES_NO, null,
				BigDecimal.ONE, Habit.AT_LEAST, Schedule.daily(), start, mind, 0, LocalTime.of(7, 30));
		Habit water = habit(user, "Drink water", "Stay hydrated through the day", "💧", Habit.NUMERIC, "glasses",
				BigDecimal.valueOf(8), Habit.AT_LEAST, Schedule.daily(), start, body, 1, LocalTime.of(10, 0),
				LocalTime.of(15, 0));
		Habit run = habit(user, "Run", "Easy 5 km", "🏃", Habit.YES_NO, null, BigDecimal.ONE, Habit.AT_LEAST,
				new Schedule(Schedule.Type.TIMES_PER_WEEK, Set.of(), 3), start, body, 2, LocalTime.of(18, 0));
		Habit sugar = habit(user, "No sugar", "At most one sweet treat a day", "🍬", Habit.NUMERIC, "treats",
				BigDecimal.ONE, Habit.AT_MOST, Schedule.daily(), start, body, 3);
		Habit read = habit(user, "Read", "20 pages before bed", "📚", Habit.YES_NO, null, BigDecimal.ONE,
				Habit.AT_LEAST,
				new Schedule(Schedule.Type.WEEKDAYS, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 1), start, mind,
				4, LocalTime.of(21, 30));
		for (Habit habit : List.of(meditate, run, read)) {
			this.pauses.save(new HabitPause(habit.getId(), user.value(), vacation, vacation.plusDays(6)));
		}
		// Days ago → value, or null for no check-in; NaN for a skip. Later days go
		// better.
		checkIns(user, meditate, start, today, (day, ago) -> {
			if (inVacation(day, vacation)) {
				return null;
			}
			if (ago % 29 == 3) {
				return Double.NaN;
			}
			return (random.nextDouble() < ((ago > 60) ? 0.7 : 0.9)) ? 1.0 : null;
		});
		checkIns(user, water, start, today,
				(day, ago) -> (random.nextDouble() < 0.08) ? null : (double) (4 + random.nextInt((ago > 60) ? 6 : 7)));
		checkIns(user, run, start, today, (day, ago) -> {
			if (inVacation(day, vacation)) {
				return null;
			}
			boolean runDay = day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.WEDNESDAY
					|| day.getDayOfWeek() == DayOfWeek.SATURDAY;
			return (runDay && random.nextDouble() < 0.85) ? 1.0 : null;
		});
		checkIns(user, sugar, start, today, (day, ago) -> {
			double roll = random.nextDouble();
			return (roll < 0.12) ? 2.0 : (roll < 0.4) ? 1.0 : 0.0;
		});
		checkIns(user, read, start, today, (day, ago) -> {
			if (inVacation(day, vacation) || day.getDayOfWeek().getValue() > 5) {
				return null;
			}
			return (random.nextDouble() < 0.75) ? 1.0 : null;
		});
		this.logs.flush();
		// Announced as habits made through the API are, so reminders get scheduled.
		for (Habit habit : List.of(meditate, water, run, sugar, read)) {
			HabitEvaluation evaluation = this.management.evaluation(user, habit);
			this.events.publishEvent(new HabitUpdated(user.value(), habit.getId(), "created",
					evaluation.currentStreak(), evaluation.strength(), this.clock.instant(), null));
		}
	}

	private static boolean inVacation(LocalDate day, LocalDate vacation) {
		return !day.isBefore(vacation) && !day.isAfter(vacation.plusDays(6));
	}

	private HabitGroup group(UserId user, String name, String colour, int position) {
		HabitGroup group = new HabitGroup(UUID.randomUUID(), user, this.changeLog.next(user));
		group.setName(name);
		group.setColour(colour);
		group.setPosition(position);
		return this.groups.save(group);
	}

	private Habit habit(UserId user, String name, String description, String icon, String kind, String unit,
			BigDecimal target, String targetType, Schedule schedule, LocalDate start, HabitGroup group, int position,
			LocalTime... reminders) {
		Habit habit = new Habit(UUID.randomUUID(), user, this.changeLog.next(user), kind, start, null);
		habit.setName(name);
		habit.setDescription(description);
		habit.setIcon(icon);
		habit.setUnit(unit);
		habit.setTarget(target.setScale(2));
		habit.setTargetType(targetType);
		habit.schedule(schedule);
		habit.reminders(List.of(reminders));
		habit.setGroupId(group.getId());
		habit.setPosition(position);
		return this.habits.save(habit);
	}

	private void checkIns(UserId user, Habit habit, LocalDate start, LocalDate today,
			BiFunction<LocalDate, Integer, Double> valueOf) {
		// Today is left open, so the dashboard shows something to do.
		for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
			Double value = valueOf.apply(day, (int) (today.toEpochDay() - day.toEpochDay()));
			if (value == null) {
				continue;
			}
			HabitLog log = new HabitLog(UUID.randomUUID(), user, this.changeLog.next(user), habit.getId(), day);
			if (value.isNaN()) {
				log.status(LogStatus.SKIPPED);
			}
			else {
				log.setAmount(BigDecimal.valueOf(value).setScale(2));
			}
			this.logs.save(log);
		}
	}

}
