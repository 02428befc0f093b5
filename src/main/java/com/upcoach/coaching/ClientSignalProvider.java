package com.upcoach.coaching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.upcoach.shared.UserId;

/**
 * Implemented by a data module to tell a coach when a client may need help (habit
 * strength falling, missed days, overdue tasks, low mood). The coaching module asks only
 * the providers whose area the client shares.
 */
public interface ClientSignalProvider {

	SharedArea area();

	/**
	 * @param today the client's local day
	 * @return the signals that hold for the client today, empty when all is well
	 */
	List<RiskSignal> signals(UserId client, LocalDate today);

	/**
	 * @return when the client last did something in this area (a check-in, an update), if
	 * the module knows; the coach's client list shows the latest over the shared areas
	 */
	default Optional<Instant> lastActivity(UserId client) {
		return Optional.empty();
	}

}
