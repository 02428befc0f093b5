package com.upcoach.community;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;

/**
 * Lets one "typing" per member and conversation through per interval: clients repeat it
 * every keystroke or so, and the conversation needs to hear it only now and then. A stop
 * always goes through. Kept per node: a typing indicator is a hint, and clients let it
 * lapse by themselves.
 */
@Component
class TypingThrottle {

	private static final int SWEEP_ABOVE = 10_000;

	private final Map<String, Instant> started = new ConcurrentHashMap<>();

	private final CommunitySettings settings;

	private final Clock clock;

	TypingThrottle(CommunitySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	boolean allow(UserId user, UUID chatId, boolean typing) {
		String key = user.value() + ":" + chatId;
		if (!typing) {
			this.started.remove(key);
			return true;
		}
		Instant now = this.clock.instant();
		Instant previous = this.started.get(key);
		if (previous != null && now.isBefore(previous.plus(this.settings.typingInterval()))) {
			return false;
		}
		this.started.put(key, now);
		if (this.started.size() > SWEEP_ABOVE) {
			Instant stale = now.minus(this.settings.typingInterval().multipliedBy(10));
			this.started.values().removeIf((at) -> at.isBefore(stale));
		}
		return true;
	}

}
