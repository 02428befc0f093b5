package com.upcoach.notifications;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTests {

	private static final LocalTime TEN_PM = LocalTime.of(22, 0);

	private static final LocalTime SEVEN_AM = LocalTime.of(7, 0);

	@Test
	void shouldCoverTheNightAcrossMidnightFromStartUpToEnd() {
		assertThat(NotificationPreferences.within(LocalTime.of(21, 59), TEN_PM, SEVEN_AM)).isFalse();
		assertThat(NotificationPreferences.within(TEN_PM, TEN_PM, SEVEN_AM)).isTrue();
		assertThat(NotificationPreferences.within(LocalTime.MIDNIGHT, TEN_PM, SEVEN_AM)).isTrue();
		assertThat(NotificationPreferences.within(LocalTime.of(6, 59), TEN_PM, SEVEN_AM)).isTrue();
		assertThat(NotificationPreferences.within(SEVEN_AM, TEN_PM, SEVEN_AM)).isFalse();
		assertThat(NotificationPreferences.within(LocalTime.NOON, TEN_PM, SEVEN_AM)).isFalse();
	}

	@Test
	void shouldCoverADaytimeWindowWithinOneDay() {
		LocalTime one = LocalTime.of(13, 0);
		LocalTime three = LocalTime.of(15, 0);
		assertThat(NotificationPreferences.within(LocalTime.of(14, 0), one, three)).isTrue();
		assertThat(NotificationPreferences.within(LocalTime.of(12, 59), one, three)).isFalse();
		assertThat(NotificationPreferences.within(three, one, three)).isFalse();
		assertThat(NotificationPreferences.within(LocalTime.of(23, 0), one, three)).isFalse();
	}

	@Test
	void shouldCoverNothingWhenStartEqualsEnd() {
		assertThat(NotificationPreferences.within(TEN_PM, TEN_PM, TEN_PM)).isFalse();
	}

}
