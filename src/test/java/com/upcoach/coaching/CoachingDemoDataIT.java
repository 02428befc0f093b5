package com.upcoach.coaching;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo coach and member are connected on first start, whichever account is seeded
 * first, and only once.
 */
@IntegrationTest
class CoachingDemoDataIT {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	@Autowired
	CoachAccess access;

	@Autowired
	CoachingDemoData demoData;

	@Test
	void shouldConnectTheDemoCoachAndMemberSharingEverythingButTheJournal() {
		UserId coach = new UserId(this.accounts.findByEmail(CoachingDemoData.COACH).orElseThrow().id());
		UserId member = new UserId(this.accounts.findByEmail(CoachingDemoData.MEMBER).orElseThrow().id());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.access.canView(coach, member, SharedArea.HABITS)).isTrue());
		for (SharedArea area : Set.of(SharedArea.GOALS, SharedArea.TASKS, SharedArea.MOOD)) {
			assertThat(this.access.canView(coach, member, area)).as(area.value()).isTrue();
		}
		assertThat(this.access.canView(coach, member, SharedArea.JOURNAL)).isFalse();
		assertThat(this.coaching.notes(coach, member, PageRequest.of(0, 10)).getContent()).hasSize(2)
			.extracting(SessionNoteView::visibility)
			.containsExactlyInAnyOrder("private", "shared");
		assertThat(this.coaching.sharedNotes(member, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
		assertThat(this.demoData.seed(CoachingDemoData.COACH, CoachingDemoData.MEMBER)).isFalse();
		assertThat(this.coaching.notes(coach, member, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);
	}

	@Test
	void shouldConnectWhenTheMemberIsSeededFirst() {
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		String coachEmail = AccountFixtures.uniqueEmail("demo-coach");
		assertThat(this.demoData.seed(coachEmail, member.email())).as("the coach does not exist yet").isFalse();
		UserView coach = coach(coachEmail);
		assertThat(this.demoData.seed(coachEmail, member.email())).isTrue();
		assertThat(this.demoData.seed(coachEmail, member.email())).as("only once").isFalse();
		assertThat(this.access.canView(new UserId(coach.id()), new UserId(member.id()), SharedArea.MOOD)).isTrue();
	}

	@Test
	void shouldConnectWhenTheCoachIsSeededFirst() {
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		String memberEmail = AccountFixtures.uniqueEmail("demo-member");
		assertThat(this.demoData.seed(coach.email(), memberEmail)).as("the member does not exist yet").isFalse();
		UserView member = this.accounts
			.createAccount(new AccountManagement.NewAccount(memberEmail, AccountFixtures.PASSWORD, "Demo Member",
					Role.USER, java.time.ZoneId.of("Europe/London"), java.util.Locale.UK));
		assertThat(this.demoData.seed(coach.email(), memberEmail)).isTrue();
		assertThat(this.coaching.notes(new UserId(coach.id()), new UserId(member.id()), PageRequest.of(0, 10))
			.getTotalElements()).isEqualTo(2);
	}

	private UserView coach(String email) {
		return this.accounts.createAccount(new AccountManagement.NewAccount(email, AccountFixtures.PASSWORD,
				"Demo Coach", Role.COACH, java.time.ZoneId.of("Europe/London"), java.util.Locale.UK));
	}

}
