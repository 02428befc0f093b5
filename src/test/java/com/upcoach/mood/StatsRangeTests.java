package com.upcoach.mood;

import java.time.LocalDate;

import com.upcoach.platform.api.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StatsRangeTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 29);

	@Test
	void shouldCoverTheLastThirtyDaysUpToTodayByDefault() {
		assertThat(StatsRange.resolve(null, null, TODAY)).isEqualTo(new StatsRange(LocalDate.of(2026, 2, 28), TODAY));
	}

	@Test
	void shouldCountThirtyDaysBackFromAGivenEnd() {
		LocalDate to = LocalDate.of(2026, 1, 31);
		assertThat(StatsRange.resolve(null, to, TODAY)).isEqualTo(new StatsRange(LocalDate.of(2026, 1, 2), to));
	}

	@Test
	void shouldRunFromAGivenStartToToday() {
		assertThat(StatsRange.resolve(LocalDate.of(2026, 3, 1), null, TODAY))
			.isEqualTo(new StatsRange(LocalDate.of(2026, 3, 1), TODAY));
	}

	@Test
	void shouldAcceptASingleDay() {
		assertThat(StatsRange.resolve(TODAY, TODAY, TODAY)).isEqualTo(new StatsRange(TODAY, TODAY));
	}

	@Test
	void shouldRefuseAReversedRange() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> StatsRange.resolve(TODAY, TODAY.minusDays(1), TODAY))
			.satisfies((ex) -> assertThat(ex.details().get(0).field()).isEqualTo("from"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> StatsRange.resolve(TODAY.plusDays(1), null, TODAY));
	}

	@Test
	void shouldAcceptAYearAndADayButNoMore() {
		assertThat(StatsRange.resolve(TODAY.minusDays(365), TODAY, TODAY).from()).isEqualTo(TODAY.minusDays(365));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> StatsRange.resolve(TODAY.minusDays(366), TODAY, TODAY));
	}

}
