package com.upcoach.mood;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.upcoach.coaching.RiskSignal;
import com.upcoach.mood.domain.MoodReading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoodSignalsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

	@Test
	void shouldFlagLowMoodWhenTheLastThreeLogsAverageTwoOrLess() {
		List<RiskSignal> signals = MoodSignals.signal(List.of(log(TODAY.minusDays(5), 4), log(TODAY.minusDays(2), 2),
				log(TODAY.minusDays(1), 1), log(TODAY, 3)), TODAY);
		assertThat(signals).singleElement().satisfies((signal) -> {
			assertThat(signal.code()).isEqualTo("low_mood");
			assertThat(signal.message()).contains("2.0");
		});
	}

	@Test
	void shouldNotFlagWhenTheLastThreeLogsAverageAboveTwo() {
		assertThat(MoodSignals.signal(List.of(log(TODAY.minusDays(2), 2), log(TODAY.minusDays(1), 2), log(TODAY, 3)),
				TODAY))
			.isEmpty();
	}

	@Test
	void shouldOnlyCountLogsOfTheLastSevenDays() {
		// Two low logs eight days ago are not part of "the last three logs within 7
		// days".
		assertThat(MoodSignals
			.signal(List.of(log(TODAY.minusDays(7), 1), log(TODAY.minusDays(7), 1), log(TODAY.minusDays(1), 2)), TODAY))
			.isEmpty();
		assertThat(MoodSignals
			.signal(List.of(log(TODAY.minusDays(6), 1), log(TODAY.minusDays(6), 1), log(TODAY.minusDays(1), 2)), TODAY))
			.hasSize(1);
	}

	@Test
	void shouldFlagADropOfOneAndAHalfPointsBetweenTheLastTwoWeeks() {
		List<MoodReading> readings = new ArrayList<>();
		readings.add(log(TODAY.minusDays(12), 5));
		readings.add(log(TODAY.minusDays(9), 4));
		readings.add(log(TODAY.minusDays(3), 3));
		readings.add(log(TODAY.minusDays(1), 3));
		assertThat(MoodSignals.signal(readings, TODAY)).singleElement()
			.satisfies((signal) -> assertThat(signal.message()).contains("4.5").contains("3.0"));
	}

	@Test
	void shouldNotFlagASmallerDrop() {
		assertThat(MoodSignals.signal(List.of(log(TODAY.minusDays(10), 5), log(TODAY.minusDays(1), 4)), TODAY))
			.isEmpty();
	}

	private static MoodReading log(LocalDate day, int score) {
		return new MoodReading(UUID.randomUUID(), day, day.atTime(12, 0).toInstant(ZoneOffset.UTC), score, null, null,
				null);
	}

}
