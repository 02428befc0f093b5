package com.upcoach.mood;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.upcoach.mood.domain.MoodReading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoodStatisticsTests {

	// Monday 5 January 2026 starts ISO week 2.
	private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

	@Test
	void shouldAverageEachDayOverAllItsLogs() {
		List<MoodReading> readings = List.of(reading(MONDAY, 2, 4, null, "6.0"), reading(MONDAY, 4, null, 2, "8.0"),
				reading(MONDAY.plusDays(2), 5, 5, 1, null));
		MoodStats stats = compute(MONDAY, MONDAY.plusDays(2), MoodStats.Granularity.DAY, readings);
		assertThat(stats.series()).extracting(MoodStats.Bucket::label)
			.containsExactly("2026-01-05", "2026-01-06", "2026-01-07");
		assertThat(stats.series().get(0).averages()).isEqualTo(new MoodStats.Averages(2, 3.0, 4.0, 2.0, 7.0));
		assertThat(stats.series().get(1).averages()).isEqualTo(new MoodStats.Averages(0, null, null, null, null));
		assertThat(stats.overall()).isEqualTo(new MoodStats.Averages(3, 3.67, 4.5, 1.5, 7.0));
	}

	@Test
	void shouldBucketByIsoWeekStartingOnMonday() {
		List<MoodReading> readings = List.of(reading(MONDAY.minusDays(1), 1, null, null, null),
				reading(MONDAY, 3, null, null, null), reading(MONDAY.plusDays(6), 5, null, null, null));
		MoodStats stats = compute(MONDAY.minusDays(1), MONDAY.plusDays(6), MoodStats.Granularity.WEEK, readings);
		assertThat(stats.series()).extracting(MoodStats.Bucket::label).containsExactly("2026-W01", "2026-W02");
		assertThat(stats.series().get(0).start()).isEqualTo(LocalDate.of(2025, 12, 29));
		assertThat(stats.series().get(1).end()).isEqualTo(LocalDate.of(2026, 1, 11));
		assertThat(stats.series().get(1).averages().score()).isEqualTo(4.0);
		assertThat(stats.series().get(0).averages().score()).isEqualTo(1.0);
	}

	@Test
	void shouldReportTheSlopePerWeekAndItsDirection() {
		Map<LocalDate, Double> rising = new TreeMap<>();
		for (int day = 0; day < 14; day++) {
			// +1 point every 7 days
			rising.put(MONDAY.plusDays(day), 1 + day / 7.0);
		}
		MoodStats.Trend trend = MoodStatistics.trend(rising);
		assertThat(trend.slopePerWeek()).isEqualTo(1.0);
		assertThat(trend.direction()).isEqualTo("improving");
		assertThat(MoodStatistics.trend(Map.of(MONDAY, 5.0, MONDAY.plusDays(7), 4.0)).direction())
			.isEqualTo("declining");
		assertThat(MoodStatistics.trend(Map.of(MONDAY, 3.0, MONDAY.plusDays(14), 3.05)))
			.isEqualTo(new MoodStats.Trend(0.025, "steady"));
		assertThat(MoodStatistics.trend(Map.of(MONDAY, 3.0))).isEqualTo(new MoodStats.Trend(null, "insufficient_data"));
	}

	@Test
	void shouldNotLetSeveralLogsOnOneDayOutweighOtherDaysInTheTrend() {
		List<MoodReading> readings = new ArrayList<>();
		readings.add(readingOf(MONDAY, 3));
		for (int i = 0; i < 5; i++) {
			readings.add(readingOf(MONDAY.plusDays(7), 3));
		}
		readings.add(readingOf(MONDAY.plusDays(14), 3));
		assertThat(MoodStatistics.trend(MoodStatistics.dailyMeans(readings)).slopePerWeek()).isEqualTo(0.0);
	}

	@Test
	void shouldCountTagsWithTheirMeanScoreMostUsedFirst() {
		MoodReading a = reading(MONDAY, 2, null, null, null);
		MoodReading b = reading(MONDAY, 4, null, null, null);
		MoodReading c = reading(MONDAY, 5, null, null, null);
		Map<UUID, List<String>> tags = Map.of(a.id(), List.of("work", "sleep"), b.id(), List.of("work"), c.id(),
				List.of("family"));
		MoodStats stats = MoodStatistics.compute(new StatsRange(MONDAY, MONDAY), MoodStats.Granularity.DAY,
				List.of(a, b, c), tags, Map.of());
		assertThat(stats.tags()).containsExactly(new MoodStats.TagStat("work", 2, 3.0),
				new MoodStats.TagStat("family", 1, 5.0), new MoodStats.TagStat("sleep", 1, 2.0));
	}

	@Test
	void shouldCorrelateTheDailyMeanScoreWithHabitCompletion() {
		List<MoodReading> readings = new ArrayList<>();
		Map<LocalDate, Double> habits = new HashMap<>();
		for (int day = 0; day < 10; day++) {
			readings.add(readingOf(MONDAY.plusDays(day), 1 + day % 5));
			habits.put(MONDAY.plusDays(day), (day % 5) / 4.0);
		}
		MoodStats stats = MoodStatistics.compute(new StatsRange(MONDAY, MONDAY.plusDays(9)), MoodStats.Granularity.DAY,
				readings, Map.of(), habits);
		assertThat(stats.habitCorrelation()).isEqualTo(1.0);
		assertThat(stats.habitCorrelationDays()).isEqualTo(10);
		MoodStats without = MoodStatistics.compute(new StatsRange(MONDAY, MONDAY.plusDays(9)),
				MoodStats.Granularity.DAY, readings, Map.of(), Map.of());
		assertThat(without.habitCorrelation()).isNull();
		assertThat(without.habitCorrelationDays()).isZero();
	}

	private static MoodStats compute(LocalDate from, LocalDate to, MoodStats.Granularity granularity,
			List<MoodReading> readings) {
		return MoodStatistics.compute(new StatsRange(from, to), granularity, readings, Map.of(), Map.of());
	}

	private static MoodReading readingOf(LocalDate day, int score) {
		return reading(day, score, null, null, null);
	}

	private static MoodReading reading(LocalDate day, int score, Integer energy, Integer stress, String sleep) {
		Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
		return new MoodReading(UUID.randomUUID(), day, at, score, energy, stress,
				(sleep != null) ? new BigDecimal(sleep) : null);
	}

}
