package com.upcoach.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

final class InMemoryFailureCounters implements FailureCounters {

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private final Map<String, Instant> blocks = new ConcurrentHashMap<>();

	private final Clock clock;

	InMemoryFailureCounters(Clock clock) {
		this.clock = clock;
	}

	@Override
	public long increment(String key, Duration memory) {
		Instant now = this.clock.instant();
		this.counters.values().removeIf((counter) -> now.isAfter(counter.forgetAt()));
		this.blocks.values().removeIf(now::isAfter);
		return this.counters
			.merge(key, new Counter(1, now.plus(memory)), (old, one) -> new Counter(old.count() + 1, now.plus(memory)))
			.count();
	}

	@Override
	public void block(String key, Duration wait) {
		this.blocks.put(key, this.clock.instant().plus(wait));
	}

	@Override
	public Duration remainingWait(String key) {
		Instant until = this.blocks.get(key);
		Instant now = this.clock.instant();
		return (until != null && until.isAfter(now)) ? Duration.between(now, until) : Duration.ZERO;
	}

	@Override
	public void clear(String key) {
		this.counters.remove(key);
		this.blocks.remove(key);
	}

	private record Counter(long count, Instant forgetAt) {
	}

}
