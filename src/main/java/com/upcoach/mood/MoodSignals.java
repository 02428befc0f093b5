package com.upcoach.mood;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.upcoach.coaching.ClientSignalProvider;
import com.upcoach.coaching.RiskSignal;
import com.upcoach.coaching.SharedArea;
import com.upcoach.mood.domain.MoodLogRepository;
import com.upcoach.mood.domain.MoodReading;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a coach when a client's mood is low: the mean score of their last three logs of
 * the past 7 days is 2 or less, or this week's mean is at least 1.5 points below last
 * week's.
 */
@Component
class MoodSignals implements ClientSignalProvider {

	static final double LOW_MEAN = 2.0;

	static final double DROP = 1.5;

	private final MoodLogRepository logs;

	MoodSignals(MoodLogRepository logs) {
		this.logs = logs;
	}

	@Override
	public SharedArea area() {
		return SharedArea.MOOD;
	}

	@Override
	@Transactional(readOnly = true)
	public List<RiskSignal> signals(UserId client, LocalDate today) {
		return signal(this.logs.readings(client.value(), today.minusDays(13), today), today);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> lastActivity(UserId client) {
		return Optional.ofNullable(this.logs.lastLoggedAt(client.value()));
	}

	/**
	 * @param readings the logs of the 14 days up to today
	 */
	static List<RiskSignal> signal(List<MoodReading> readings, LocalDate today) {
		LocalDate weekStart = today.minusDays(6);
		List<MoodReading> thisWeek = readings.stream().filter((r) -> !r.day().isBefore(weekStart)).toList();
		List<MoodReading> lastWeek = readings.stream().filter((r) -> r.day().isBefore(weekStart)).toList();
		List<MoodReading> lastThree = thisWeek.stream()
			.sorted(Comparator.comparing(MoodReading::loggedAt).reversed())
			.limit(3)
			.toList();
		if (lastThree.size() == 3) {
			double mean = mean(lastThree);
			if (mean <= LOW_MEAN) {
				return List.of(new RiskSignal("low_mood", (mean <= 1.5) ? "high" : "medium",
						"The last three mood logs average " + format(mean) + " out of 5"));
			}
		}
		if (!thisWeek.isEmpty() && !lastWeek.isEmpty()) {
			double before = mean(lastWeek);
			double now = mean(thisWeek);
			if (before - now >= DROP) {
				return List.of(new RiskSignal("low_mood", "medium",
						"Mood dropped from " + format(before) + " to " + format(now) + " this week"));
			}
		}
		return List.of();
	}

	private static double mean(List<MoodReading> readings) {
		return readings.stream().mapToInt(MoodReading::score).average().orElse(0);
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
