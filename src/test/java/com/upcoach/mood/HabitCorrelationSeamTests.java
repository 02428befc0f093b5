package com.upcoach.mood;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.upcoach.coaching.CoachAccess;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.mood.domain.MoodLogRepository;
import com.upcoach.mood.domain.MoodReading;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The statistics ask a {@link HabitCompletionSource} for the resolved range when one is
 * wired, and leave the correlation null when none is.
 */
class HabitCorrelationSeamTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	private final UserId user = new UserId(UUID.randomUUID());

	private final MoodLogRepository logs = mock(MoodLogRepository.class);

	private final AccountManagement accounts = mock(AccountManagement.class);

	@Test
	void shouldCorrelateWithTheCompletionTheSourceReportsForTheResolvedRange() {
		List<LocalDate[]> asked = new ArrayList<>();
		Map<LocalDate, Double> completion = new HashMap<>();
		for (int day = 0; day < 10; day++) {
			completion.put(TODAY.minusDays(day), (day % 5) / 4.0);
		}
		HabitCompletionSource source = (who, from, to) -> {
			asked.add(new LocalDate[] { from, to });
			return completion;
		};
		MoodStats stats = mood(source).stats(this.user, null, null, MoodStats.Granularity.DAY);
		assertThat(asked).singleElement()
			.satisfies((range) -> assertThat(range).containsExactly(TODAY.minusDays(29), TODAY));
		assertThat(stats.habitCorrelation()).isEqualTo(1.0);
		assertThat(stats.habitCorrelationDays()).isEqualTo(10);
	}

	@Test
	void shouldLeaveTheCorrelationNullWithoutASource() {
		MoodStats stats = mood(null).stats(this.user, null, null, MoodStats.Granularity.DAY);
		assertThat(stats.habitCorrelation()).isNull();
		assertThat(stats.overall().count()).isEqualTo(10);
	}

	private MoodManagement mood(HabitCompletionSource source) {
		Instant now = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
		given(this.accounts.profile(this.user)).willReturn(new UserView(this.user.value(), "a@example.test", "A",
				"user", "active", "UTC", "en", 0, true, null, null, null, now, now, 0));
		List<MoodReading> readings = new ArrayList<>();
		for (int day = 0; day < 10; day++) {
			LocalDate date = TODAY.minusDays(day);
			readings.add(new MoodReading(UUID.randomUUID(), date, date.atTime(9, 0).toInstant(ZoneOffset.UTC),
					1 + day % 5, null, null, null));
		}
		given(this.logs.readings(this.user.value(), TODAY.minusDays(29), TODAY)).willReturn(readings);
		given(this.logs.tags(this.user.value(), TODAY.minusDays(29), TODAY)).willReturn(List.of());
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (source != null) {
			beans.addBean("habitCompletion", source);
		}
		return new MoodManagement(this.logs, mock(ChangeLog.class), this.accounts, Clock.fixed(now, ZoneOffset.UTC),
				mock(ApplicationEventPublisher.class), beans.getBeanProvider(CoachAccess.class),
				beans.getBeanProvider(HabitCompletionSource.class));
	}

}
