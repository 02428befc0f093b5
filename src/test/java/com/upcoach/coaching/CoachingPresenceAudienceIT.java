package com.upcoach.coaching;

import org.junit.jupiter.api.Test;

import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees whose presence through coaching: a coach and their clients, while the
 * relationship is active.
 */
@IntegrationTest
class CoachingPresenceAudienceIT {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	@Autowired
	CoachingPresenceAudience audience;

	@Test
	void shouldLetACoachAndTheirClientSeeEachOtherOnlyWhileTheRelationshipIsActive() {
		UserView coach = AccountFixtures.create(this.accounts, Role.COACH);
		UserView client = AccountFixtures.create(this.accounts, Role.USER);
		UserView stranger = AccountFixtures.create(this.accounts, Role.USER);
		assertThat(this.audience.watchersOf(id(client))).isEmpty();

		RelationshipView relationship = CoachingFixtures.connect(this.coaching, coach, client, SharedArea.HABITS);
		assertThat(this.audience.watchersOf(id(client))).containsExactly(id(coach));
		assertThat(this.audience.watchersOf(id(coach))).containsExactly(id(client));
		assertThat(this.audience.watchersOf(id(stranger))).isEmpty();

		this.coaching.end(id(client), relationship.id());
		assertThat(this.audience.watchersOf(id(client))).isEmpty();
		assertThat(this.audience.watchersOf(id(coach))).isEmpty();
	}

	private static UserId id(UserView user) {
		return new UserId(user.id());
	}

}
