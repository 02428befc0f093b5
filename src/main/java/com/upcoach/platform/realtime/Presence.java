package com.upcoach.platform.realtime;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import com.upcoach.shared.UserId;

/**
 * Who is connected, shared by all nodes.
 */
public interface Presence {

	PresenceView of(UserId user);

	Map<UUID, PresenceView> of(Collection<UserId> users);

}
