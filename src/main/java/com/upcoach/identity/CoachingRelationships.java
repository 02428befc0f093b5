package com.upcoach.identity;

import java.util.Set;
import java.util.UUID;

import com.upcoach.shared.UserId;

/**
 * Which members a coach may see: those who accepted the coach. The coaching module
 * provides the real answer; until it is present, a coach sees nobody.
 */
public interface CoachingRelationships {

	/**
	 * @return the members who accepted this coach and still share their data
	 */
	Set<UUID> clientsOf(UserId coach);

	default boolean isClientOf(UserId member, UserId coach) {
		return clientsOf(coach).contains(member.value());
	}

}
