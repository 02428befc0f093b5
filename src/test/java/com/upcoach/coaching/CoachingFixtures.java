package com.upcoach.coaching;

import java.util.Set;

import com.upcoach.identity.UserView;
import com.upcoach.shared.UserId;

import org.springframework.context.ApplicationContext;

/**
 * Coach–client relationships for other modules' tests, made the way users make them: the
 * coach invites the client by email and the client accepts, sharing the given areas.
 */
public final class CoachingFixtures {

	private CoachingFixtures() {
	}

	/**
	 * Connect a coach (an account with the {@code coach} role) and a client.
	 * @return the active relationship
	 */
	public static RelationshipView connect(ApplicationContext context, UserView coach, UserView client,
			SharedArea... areas) {
		return connect(context.getBean(CoachingManagement.class), coach, client, areas);
	}

	/**
	 * Connect a coach (an account with the {@code coach} role) and a client.
	 * @return the active relationship
	 */
	public static RelationshipView connect(CoachingManagement coaching, UserView coach, UserView client,
			SharedArea... areas) {
		RelationshipView invitation = coaching.invite(new UserId(coach.id()), null, client.email(), null).value();
		return coaching.acceptInvitation(new UserId(client.id()), invitation.id(), Set.of(areas));
	}

}
