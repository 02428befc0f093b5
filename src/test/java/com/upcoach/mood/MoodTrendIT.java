package com.upcoach.mood;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mood trend the progress overview shows: right numbers, and one SQL statement
 * however many logs the user has.
 */
@IntegrationTest
class MoodTrendIT {

	private static final LocalDate START = LocalDate.of(2026, 1, 5);

	@Autowired
	MoodManagement mood;

	@Autowired
	AccountManagement accounts;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void shouldGiveDailyMeansTheOverallMeanAndTheDirection() {
		UserId user = user();
		log(user, START, 12, 2);
		log(user, START, 18, 4);
		log(user, START.plusDays(7), 12, 4);
		log(user, START.plusDays(14), 12, 5);
		log(user, START.plusDays(30), 12, 1);
		MoodTrend trend = this.mood.trend(user, START, START.plusDays(14));
		assertThat(trend.days()).containsExactly(new MoodTrend.Day(START, 3.0, 2),
				new MoodTrend.Day(START.plusDays(7), 4.0, 1), new MoodTrend.Day(START.plusDays(14), 5.0, 1));
		assertThat(trend.averageScore()).isEqualTo(3.75);
		assertThat(trend.trend()).isEqualTo(new MoodStats.Trend(1.0, "improving"));
		MoodTrend empty = this.mood.trend(user, START.minusDays(10), START.minusDays(1));
		assertThat(empty.days()).isEmpty();
		assertThat(empty.averageScore()).isNull();
	}

	@Test
	void shouldReadTheTrendInOneStatementWhateverTheNumberOfLogs() {
		UserId few = user();
		log(few, START, 12, 3);
		UserId many = user();
		for (int day = 0; day < 60; day++) {
			log(many, START.plusDays(day), 9, 1 + day % 5);
			log(many, START.plusDays(day), 21, 2 + day % 4);
		}
		assertThat(statements(() -> this.mood.trend(few, START, START.plusDays(59)))).isEqualTo(1);
		assertThat(statements(() -> this.mood.trend(many, START, START.plusDays(59)))).isEqualTo(1);
		assertThat(this.mood.trend(many, START, START.plusDays(59)).days()).hasSize(60);
	}

	private long statements(Runnable read) {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		boolean enabled = statistics.isStatisticsEnabled();
		statistics.setStatisticsEnabled(true);
		try {
			statistics.clear();
			read.run();
			return statistics.getPrepareStatementCount();
		}
		finally {
			statistics.setStatisticsEnabled(enabled);
		}
	}

	private UserId user() {
		return new UserId(AccountFixtures.create(this.accounts, Role.USER).id());
	}

	private void log(UserId user, LocalDate day, int hour, int score) {
		// Between 09:00 and 21:00 UTC: the same day in Berlin, the fixture user's zone.
		this.mood.create(user, new NewMoodLog(null, score, null, null, null, null, null,
				day.atTime(hour, 0).toInstant(ZoneOffset.UTC)));
	}

}
