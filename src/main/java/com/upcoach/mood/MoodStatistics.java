package com.upcoach.mood;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.upcoach.mood.domain.MoodReading;

/**
 * The arithmetic of mood statistics, free of storage and time: averages per day or ISO
 * week, the trend, tag frequencies and the correlation with habit completion.
 */
final class MoodStatistics {

	/** Slopes within ±0.1 score points per week read as steady. */
	static final double STEADY_SLOPE = 0.1;

	private MoodStatistics() {
	}

	static MoodStats compute(StatsRange range, MoodStats.Granularity granularity, List<MoodReading> readings,
			Map<UUID, List<String>> tagsByLog, Map<LocalDate, Double> habitCompletion) {
		Map<LocalDate, Double> daily = dailyMeans(readings);
		Map<LocalDate, Double> habits = (habitCompletion != null) ? habitCompletion : Map.of();
		Double r = Pearson.correlation(daily, habits);
		return new MoodStats(range.from(), range.to(), granularity.value(), series(range, granularity, readings),
				averages(readings), trend(daily), tags(readings, tagsByLog), (r != null) ? round(r, 3) : null,
				Pearson.alignedDays(daily, habits));
	}

	static Map<LocalDate, Double> dailyMeans(List<MoodReading> readings) {
		Map<LocalDate, double[]> sums = new TreeMap<>();
		for (MoodReading reading : readings) {
			double[] sum = sums.computeIfAbsent(reading.day(), (day) -> new double[2]);
			sum[0] += reading.score();
			sum[1]++;
		}
		Map<LocalDate, Double> means = new TreeMap<>();
		sums.forEach((day, sum) -> means.put(day, sum[0] / sum[1]));
		return means;
	}

	/**
	 * The least-squares slope of the daily means against time, in points per week.
	 */
	static MoodStats.Trend trend(Map<LocalDate, Double> dailyMeans) {
		if (dailyMeans.size() < 2) {
			return new MoodStats.Trend(null, "insufficient_data");
		}
		LocalDate origin = dailyMeans.keySet().stream().min(Comparator.naturalOrder()).orElseThrow();
		int n = dailyMeans.size();
		double sumX = 0;
		double sumY = 0;
		for (Map.Entry<LocalDate, Double> entry : dailyMeans.entrySet()) {
			sumX += ChronoUnit.DAYS.between(origin, entry.getKey());
			sumY += entry.getValue();
		}
		double meanX = sumX / n;
		double meanY = sumY / n;
		double covariance = 0;
		double variance = 0;
		for (Map.Entry<LocalDate, Double> entry : dailyMeans.entrySet()) {
			double dx = ChronoUnit.DAYS.between(origin, entry.getKey()) - meanX;
			covariance += dx * (entry.getValue() - meanY);
			variance += dx * dx;
		}
		double perWeek = round(covariance / variance * 7, 3);
		String direction = (perWeek >= STEADY_SLOPE) ? "improving"
				: (perWeek <= -STEADY_SLOPE) ? "declining" : "steady";
		return new MoodStats.Trend(perWeek, direction);
	}

	static MoodStats.Averages averages(Collection<MoodReading> readings) {
		double score = 0;
		Mean energy = new Mean();
		Mean stress = new Mean();
		Mean sleep = new Mean();
		for (MoodReading reading : readings) {
			score += reading.score();
			energy.add((reading.energy() != null) ? reading.energy().doubleValue() : null);
			stress.add((reading.stress() != null) ? reading.stress().doubleValue() : null);
			sleep.add((reading.sleepHours() != null) ? reading.sleepHours().doubleValue() : null);
		}
		int count = readings.size();
		return new MoodStats.Averages(count, (count > 0) ? round(score / count, 2) : null, energy.value(),
				stress.value(), sleep.value());
	}

	private static List<MoodStats.Bucket> series(StatsRange range, MoodStats.Granularity granularity,
			List<MoodReading> readings) {
		Map<LocalDate, List<MoodReading>> byStart = new HashMap<>();
		for (MoodReading reading : readings) {
			byStart.computeIfAbsent(startOf(reading.day(), granularity), (start) -> new ArrayList<>()).add(reading);
		}
		List<MoodStats.Bucket> buckets = new ArrayList<>();
		for (LocalDate start = startOf(range.from(), granularity); !start.isAfter(range.to()); start = start
			.plusDays((granularity == MoodStats.Granularity.DAY) ? 1 : 7)) {
			LocalDate end = (granularity == MoodStats.Granularity.DAY) ? start : start.plusDays(6);
			String label = (granularity == MoodStats.Granularity.DAY) ? start.toString() : "%d-W%02d"
				.formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			buckets.add(new MoodStats.Bucket(label, start, end, averages(byStart.getOrDefault(start, List.of()))));
		}
		return buckets;
	}

	private static LocalDate startOf(LocalDate day, MoodStats.Granularity granularity) {
		return (granularity == MoodStats.Granularity.DAY) ? day
				: day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static List<MoodStats.TagStat> tags(List<MoodReading> readings, Map<UUID, List<String>> tagsByLog) {
		Map<UUID, Integer> scores = new HashMap<>();
		readings.forEach((reading) -> scores.put(reading.id(), reading.score()));
		Map<String, double[]> sums = new HashMap<>();
		tagsByLog.forEach((log, tags) -> {
			Integer score = scores.get(log);
			if (score != null) {
				for (String tag : tags) {
					double[] sum = sums.computeIfAbsent(tag, (key) -> new double[2]);
					sum[0] += score;
					sum[1]++;
				}
			}
		});
		return sums.entrySet()
			.stream()
			.map((entry) -> new MoodStats.TagStat(entry.getKey(), (long) entry.getValue()[1],
					round(entry.getValue()[0] / entry.getValue()[1], 2)))
			.sorted(Comparator.comparingLong(MoodStats.TagStat::count).reversed().thenComparing(MoodStats.TagStat::tag))
			.toList();
	}

	static double round(double value, int places) {
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

	private static final class Mean {

		private double sum;

		private int count;

		void add(Double value) {
			if (value != null) {
				this.sum += value;
				this.count++;
			}
		}

		Double value() {
			return (this.count > 0) ? round(this.sum / this.count, 2) : null;
		}

	}

}
