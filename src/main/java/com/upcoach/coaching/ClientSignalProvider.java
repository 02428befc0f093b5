package com.upcoach.coaching;

import java.time.LocalDate;
import java.util.List;

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

}
