package com.upcoach.mood;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PearsonTests {

	private static final LocalDate START = LocalDate.of(2026, 3, 1);

	@Test
	void shouldBeOneForPerfectlyRisingSeries() {
		Map<LocalDate, Double> mood = series(1, 2, 3, 4, 5, 4, 3);
		Map<LocalDate, Double> habits = series(0.1, 0.2, 0.3, 0.4, 0.5, 0.4, 0.3);
		assertThat(Pearson.correlation(mood, habits)).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void shouldBeMinusOneForOppositeSeries() {
		assertThat(Pearson.correlation(series(1, 2, 3, 4, 5, 6, 7), series(7, 6, 5, 4, 3, 2, 1))).isCloseTo(-1.0,
				within(1e-9));
	}

	@Test
	void shouldMatchAHandComputedCoefficient() {
		// x = 1..7, y = 2,1,4,3,6,5,7: sxy = 25, sxx = 28, syy = 28, so r = 25/28
		assertThat(Pearson.correlation(series(1, 2, 3, 4, 5, 6, 7), series(2, 1, 4, 3, 6, 5, 7))).isCloseTo(25.0 / 28.0,
				within(1e-9));
	}

	@Test
	void shouldUseOnlyTheDaysBothSeriesHave() {
		Map<LocalDate, Double> mood = series(1, 2, 3, 4, 5, 6, 7);
		Map<LocalDate, Double> habits = new HashMap<>(series(1, 2, 3, 4, 5, 6, 7));
		// Days only one series has must not count, however extreme.
		mood.put(START.plusDays(20), 100.0);
		habits.put(START.plusDays(30), -100.0);
		assertThat(Pearson.correlation(mood, habits)).isCloseTo(1.0, within(1e-9));
		assertThat(Pearson.alignedDays(mood, habits)).isEqualTo(7);
	}

	@Test
	void shouldSayNothingWithFewerThanSevenAlignedDays() {
		assertThat(Pearson.correlation(series(1, 2, 3, 4, 5, 6), series(1, 2, 3, 4, 5, 6))).isNull();
		assertThat(Pearson.correlation(series(1, 2, 3, 4, 5, 6, 7), Map.of())).isNull();
	}

	@Test
	void shouldSayNothingWhenASeriesDoesNotVary() {
		assertThat(Pearson.correlation(series(3, 3, 3, 3, 3, 3, 3), series(1, 2, 3, 4, 5, 6, 7))).isNull();
		assertThat(Pearson.correlation(series(1, 2, 3, 4, 5, 6, 7), series(1, 1, 1, 1, 1, 1, 1))).isNull();
	}

	private static Map<LocalDate, Double> series(double... values) {
		Map<LocalDate, Double> series = new HashMap<>();
		for (int i = 0; i < values.length; i++) {
			series.put(START.plusDays(i), values[i]);
		}
		return series;
	}

}
