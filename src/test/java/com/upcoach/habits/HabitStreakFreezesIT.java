package com.upcoach.habits;

import java.time.LocalDate;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncAction;
import com.upcoach.sync.SyncOperation;
import com.upcoach.sync.SyncResult;
import com.upcoach.sync.SyncStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionOperations;

import static com.upcoach.habits.HabitFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly streak-freeze job: a missed due day right after it ends is kept by a freeze
 * from the wallet, once.
 */
@IntegrationTest
@Import(HabitTestConfiguration.class)
class HabitStreakFreezesIT {

	private static final String LONDON = "Europe/London";

	private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	HabitTestConfiguration.FixedClock clock;

	@Autowired
	HabitTestConfiguration.TestWallet wallet;

	@Autowired
	HabitStreakFreezes freezes;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	HabitSync sync;

	HabitFixtures me;

	UserId user;

	@BeforeEach
	void signIn() {
		this.me = HabitFixtures.user(new Http(this.port), this.accounts).calendar(LONDON, 0);
		this.user = new UserId(this.me.user.id());
		this.wallet.granting = true;
	}

	@AfterEach
	void reset() {
		this.clock.reset();
		this.wallet.granting = true;
	}

	@Test
	void shouldFreezeAMissedDayOfAStreakOnceWhenTheWalletGrantsIt() {
		String habit = streakWithYesterdayMissed();
		String fresh = this.me.dailyHabit("Never done", TODAY.minusDays(3));
		this.clock.set(at(TODAY, 0, 30, LONDON));
		this.freezes.run();
		assertThat(this.wallet.spends)
			.contains(new HabitTestConfiguration.TestWallet.Spend(this.user, TODAY.minusDays(1)));
		JsonNode stats = this.me.stats(habit);
		assertThat(stats.at("/currentStreak").asInt()).isEqualTo(2);
		JsonNode heatMap = stats.at("/heatMap");
		assertThat(heatMap.get(heatMap.size() - 2).at("/state").asString()).isEqualTo("skipped");
		assertThat(this.me.get("/api/v1/habits/" + habit + "/check-ins").json().at("/data/0/status").asString())
			.isEqualTo("frozen");
		assertThat(this.me.get("/api/v1/habits/" + fresh + "/check-ins").json().at("/pagination/totalElements").asInt())
			.isZero();
		long spends = this.wallet.spends.stream().filter((spend) -> spend.user().equals(this.user)).count();
		assertThat(freeze()).isZero();
		assertThat(this.wallet.spends.stream().filter((spend) -> spend.user().equals(this.user)).count())
			.isEqualTo(spends);
		this.clock.set(at(TODAY, 20, 0, LONDON));
		this.me.checkIn(habit, "{}");
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isEqualTo(3);
	}

	@Test
	void shouldLetTheStreakBreakWhenNoFreezeIsLeft() {
		String habit = streakWithYesterdayMissed();
		this.wallet.granting = false;
		this.clock.set(at(TODAY, 0, 30, LONDON));
		assertThat(freeze()).isZero();
		assertThat(this.wallet.spends)
			.contains(new HabitTestConfiguration.TestWallet.Spend(this.user, TODAY.minusDays(1)));
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isZero();
	}

	@Test
	void shouldLeaveDaysAloneOutsideTheWindowAfterTheDayEnded() {
		String habit = streakWithYesterdayMissed();
		this.clock.set(at(TODAY, 12, 0, LONDON));
		assertThat(freeze()).isZero();
		assertThat(this.wallet.spends).noneMatch((spend) -> spend.user().equals(this.user));
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isZero();
	}

	@Test
	void shouldReplaceAFrozenDayWithACheckInTheClientMadeOffline() {
		String habit = streakWithYesterdayMissed();
		this.clock.set(at(TODAY, 0, 30, LONDON));
		assertThat(freeze()).isEqualTo(1);
		SyncResult result = this.sync.apply(this.user,
				new SyncOperation("habit_check_in", SyncAction.CREATE, UUID.randomUUID(), null,
						at(TODAY.minusDays(1), 22, 0, LONDON),
						JsonMapper.builder()
							.build()
							.readTree("{\"habitId\":\"" + habit + "\",\"date\":\"" + TODAY.minusDays(1) + "\"}")));
		assertThat(result.status()).isEqualTo(SyncStatus.APPLIED);
		assertThat(((CheckInView) result.server()).status()).isEqualTo("value");
		assertThat(this.me.stats(habit).at("/currentStreak").asInt()).isEqualTo(3);
	}

	private int freeze() {
		Integer frozen = this.transactions.execute((status) -> this.freezes.freeze(this.user));
		return (frozen != null) ? frozen : 0;
	}

	private String streakWithYesterdayMissed() {
		this.clock.set(at(TODAY.minusDays(3), 20, 0, LONDON));
		String habit = this.me.dailyHabit("Meditate", TODAY.minusDays(3));
		this.me.checkIn(habit, "{}");
		this.clock.set(at(TODAY.minusDays(2), 20, 0, LONDON));
		this.me.checkIn(habit, "{}");
		return habit;
	}

}
