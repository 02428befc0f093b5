package com.upcoach.platform.realtime;

import java.util.Set;

import com.upcoach.shared.UserId;

/**
 * Says who sees a user's presence: the community module answers with chat partners, the
 * coaching module with the user's coach and clients. {@code presence:status} goes to the
 * union of all answers, and only they may ask for the user's status.
 */
public interface PresenceAudience {

	Set<UserId> watchersOf(UserId user);

}
