package com.upcoach.habits.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streak, completion and strength rules of one habit on one day, as pure functions of
 * its definition and check-ins (see {@code docs/habits.md} for the formulas). All days
 * are the user's local days.
 */
public final class HabitEvaluation {

	private final HabitSpec spec;

	private final Map<LocalDate, DayLog> logs;

	private final LocalDate today;

	private final Map<LocalDate, PeriodOutcome> periods = new HashMap<>();

	private Streaks streaks;

	private Map<LocalDate, Double> scores;

	public HabitEvaluation(HabitSpec spec, Map<LocalDate, DayLog> logs, LocalDate today) {
		this.spec = spec;
		this.logs = logs;
		this.today = today;
	}

	public LocalDate today() {
		return this.today;
	}

	public HabitSpec spec() {
		return this.spec;
	}

	/**
	 * @return the check-in of the day, if any
	 */
	public DayLog log(LocalDate day) {
		return this.logs.get(day);
	}

	/**
	 * @return the state of a day as the heat map shows it
	 */
	public DayState state(LocalDate day) {
		DayState raw = rawState(day);
		if (!this.spec.schedule().periodic() || (raw != DayState.MISSED && raw != DayState.PENDING)) {
			return raw;
		}
		PeriodOutcome outcome = period(day);
		if (outcome == PeriodOutcome.FAILED) {
			return DayState.MISSED;
		}
		if (raw == DayState.PENDING && outcome == PeriodOutcome.OPEN) {
			return DayState.PENDING;
		}
		return DayState.NOT_DUE;
	}

	/**
	 * @return whether the habit should be done on the day: due on a day-based schedule,
	 * or on a periodic one while the period's target is not yet met before that day;
	 * never while paused or skipped
	 */
	public boolean dueOn(LocalDate day) {
		if (day.isBefore(this.spec.start()) || day.isAfter(this.today) || this.spec.pausedOn(day)) {
			return false;
		}
		DayLog log = this.logs.get(day);
		if (log != null && log.excused()) {
			return false;
		}
		Schedule schedule = this.spec.schedule();
		if (!schedule.periodic()) {
			return schedule.dueOn(day, this.spec.start());
		}
		int done = 0;
		for (LocalDate d = schedule.periodStart(day); d.isBefore(day); d = d.plusDays(1)) {
			if (rawState(d) == DayState.DONE) {
				done++;
			}
		}
		return done < schedule.count();
	}

	public int currentStreak() {
		return streaks().current();
	}

	public int longestStreak() {
		return streaks().longest();
	}

	/**
	 * @return every streak so far, oldest first; the last may still be running
	 */
	public List<StreakRun> streakRuns() {
		return streaks().runs();
	}

	/**
	 * @return the habit strength today, 0–100
	 */
	public double strength() {
		Map<LocalDate, Double> series = scores();
		return series.isEmpty() ? 0 : round(series.get(this.today) * 100);
	}

	/**
	 * @return the habit strength at the end of a past day, 0–100
	 */
	public double strengthOn(LocalDate day) {
		Double score = scores().get(day);
		return (score != null) ? round(score * 100) : 0;
	}

	/**
	 * @return the share of due days done over the last {@code days} days, in percent;
	 * {@code null} when nothing was due
	 */
	public Double completionRate(int days) {
		LocalDate from = this.today.minusDays(days - 1L);
		if (from.isBefore(this.spec.start())) {
			from = this.spec.start();
		}
		Schedule schedule = this.spec.schedule();
		int done = 0;
		int counted = 0;
		for (LocalDate day = from; !day.isAfter(this.today); day = day.plusDays(1)) {
			DayState state = rawState(day);
			if (state == DayState.SKIPPED || state == DayState.PAUSED || state == DayState.PENDING
					|| (!schedule.periodic() && state == DayState.NOT_DUE)) {
				continue;
			}
			if (state == DayState.DONE && (schedule.periodic() || schedule.dueOn(day, this.spec.start()))) {
				done++;
				counted++;
			}
			else if (state != DayState.NOT_DUE && state != DayState.DONE) {
				counted++;
			}
		}
		if (counted == 0) {
			return null;
		}
		if (schedule.periodic()) {
			double expected = (double) schedule.numerator() * counted / schedule.denominator();
			return round(Math.min(1.0, done / expected) * 100);
		}
		return round(100.0 * done / counted);
	}

	private Streaks streaks() {
		if (this.streaks == null) {
			this.streaks = this.spec.schedule().periodic() ? periodStreaks() : dayStreaks();
		}
		return this.streaks;
	}

	private Streaks dayStreaks() {
		StreakRuns runs = new StreakRuns();
		for (LocalDate day = this.spec.start(); !day.isAfter(this.today); day = day.plusDays(1)) {
			if (!this.spec.schedule().dueOn(day, this.spec.start())) {
				continue;
			}
			DayState state = rawState(day);
			if (state == DayState.DONE) {
				runs.extend(day, day);
			}
			else if ((state == DayState.MISSED || state == DayState.PARTIAL) && day.isBefore(this.today)) {
				runs.end();
			}
		}
		return runs.streaks();
	}

	private Streaks periodStreaks() {
		Schedule schedule = this.spec.schedule();
		StreakRuns runs = new StreakRuns();
		for (LocalDate first = schedule.periodStart(this.spec.start()); !first
			.isAfter(this.today); first = schedule.periodEnd(first).plusDays(1)) {
			PeriodOutcome outcome = period(first);
			if (outcome == PeriodOutcome.MET) {
				runs.extend(first, schedule.periodEnd(first));
			}
			else if (outcome == PeriodOutcome.FAILED) {
				runs.end();
			}
		}
		return runs.streaks();
	}

	private PeriodOutcome period(LocalDate day) {
		Schedule schedule = this.spec.schedule();
		LocalDate first = schedule.periodStart(day);
		return this.periods.computeIfAbsent(first, (key) -> {
			LocalDate last = schedule.periodEnd(key);
			int done = 0;
			int excused = 0;
			for (LocalDate d = key; !d.isAfter(last); d = d.plusDays(1)) {
				DayState state = rawState(d);
				if (state == DayState.DONE && !d.isAfter(this.today)) {
					done++;
				}
				else if (state == DayState.SKIPPED || state == DayState.PAUSED || (d.isBefore(this.spec.start()))) {
					excused++;
				}
			}
			if (done >= schedule.count()) {
				return PeriodOutcome.MET;
			}
			if (!last.isBefore(this.today)) {
				return PeriodOutcome.OPEN;
			}
			return (done + excused >= schedule.count()) ? PeriodOutcome.EXCUSED : PeriodOutcome.FAILED;
		});
	}

	/**
	 * The day's state by itself, before a periodic habit's period is considered.
	 */
	private DayState rawState(LocalDate day) {
		if (day.isBefore(this.spec.start()) || day.isAfter(this.today)) {
			return DayState.NOT_DUE;
		}
		if (this.spec.pausedOn(day)) {
			return DayState.PAUSED;
		}
		DayLog log = this.logs.get(day);
		if (log != null && log.excused()) {
			return DayState.SKIPPED;
		}
		double value = (log != null) ? log.value() : 0;
		boolean success = this.spec.atMost() ? value <= this.spec.target() : log != null && value >= this.spec.target();
		if (success) {
			return DayState.DONE;
		}
		if (!this.spec.schedule().dueOn(day, this.spec.start())) {
			return DayState.NOT_DUE;
		}
		if (!this.spec.atMost() && value > 0 && !day.equals(this.today)) {
			return DayState.PARTIAL;
		}
		return day.equals(this.today) ? DayState.PENDING : DayState.MISSED;
	}

	/**
	 * Loop Habit Tracker's score: an exponential moving average over every day since the
	 * start, with a multiplier that depends on the frequency; skipped, paused and (until
	 * it has a check-in) today's days leave it unchanged.
	 */
	private Map<LocalDate, Double> scores() {
		if (this.scores != null) {
			return this.scores;
		}
		Map<LocalDate, Double> series = new LinkedHashMap<>();
		Schedule schedule = this.spec.schedule();
		double frequency = schedule.frequency();
		int numerator = schedule.numerator();
		int denominator = schedule.denominator();
		if (!this.spec.numeric() && frequency < 1.0) {
			numerator *= 2;
			denominator *= 2;
		}
		double[] window = new double[denominator];
		double rollingSum = 0;
		double score = 0;
		int index = 0;
		for (LocalDate day = this.spec.start(); !day.isAfter(this.today); day = day.plusDays(1), index++) {
			DayState state = rawState(day);
			DayLog log = this.logs.get(day);
			double value;
			if (this.spec.numeric()) {
				value = (log != null && !log.excused()) ? Math.max(0, log.value()) : 0;
			}
			else {
				value = (state == DayState.DONE) ? 1 : 0;
			}
			rollingSum += value - window[index % denominator];
			window[index % denominator] = value;
			boolean unchanged = state == DayState.SKIPPED || state == DayState.PAUSED
					|| (day.equals(this.today) && log == null);
			if (!unchanged) {
				double completed;
				if (!this.spec.numeric()) {
					completed = Math.min(1.0, rollingSum / numerator);
				}
				else {
					double target = this.spec.target() * numerator;
					if (!this.spec.atMost()) {
						completed = (target > 0) ? Math.min(1.0, rollingSum / target) : 1.0;
					}
					else if (target > 0) {
						completed = Math.max(0, Math.min(1.0, 1 - (rollingSum - target) / target));
					}
					else {
						completed = (rollingSum > 0) ? 0 : 1;
					}
				}
				score = compute(frequency, score, completed);
			}
			series.put(day, score);
		}
		this.scores = series;
		return series;
	}

	/**
	 * Loop's {@code Score.compute}: {@code multiplier = 0.5^(sqrt(frequency) / 13)}.
	 */
	static double compute(double frequency, double previous, double completed) {
		double multiplier = Math.pow(0.5, Math.sqrt(frequency) / 13.0);
		return previous * multiplier + completed * (1 - multiplier);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private enum PeriodOutcome {

		MET, OPEN, EXCUSED, FAILED

	}

	private record Streaks(int current, int longest, List<StreakRun> runs) {
	}

	/**
	 * One unbroken streak.
	 *
	 * @param from its first day
	 * @param to its last day (for weekly or monthly habits, the end of its last period)
	 * @param length how many due days or periods it counts
	 */
	public record StreakRun(LocalDate from, LocalDate to, int length) {
	}

	/** Collects the streaks while the days or periods are walked in order. */
	private static final class StreakRuns {

		private final List<StreakRun> runs = new ArrayList<>();

		private LocalDate from;

		private LocalDate to;

		private int length;

		void extend(LocalDate start, LocalDate end) {
			if (this.length == 0) {
				this.from = start;
			}
			this.to = end;
			this.length++;
		}

		void end() {
			if (this.length > 0) {
				this.runs.add(new StreakRun(this.from, this.to, this.length));
			}
			this.length = 0;
		}

		Streaks streaks() {
			int current = this.length;
			end();
			return new Streaks(current, this.runs.stream().mapToInt(StreakRun::length).max().orElse(0),
					List.copyOf(this.runs));
		}

	}

}
