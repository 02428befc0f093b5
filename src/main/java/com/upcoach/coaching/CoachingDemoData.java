package com.upcoach.coaching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.DemoAccountCreated;
import com.upcoach.identity.UserView;
import com.upcoach.shared.UserId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Connects the demo coach and the demo member once both exist: the member shares habits,
 * goals, tasks and mood (not the journal), and the coach has two session notes, one
 * shared. The accounts are seeded one by one and their events arrive in any order, so
 * each event checks for both; the second one connects them, and a relationship between
 * the two that already exists (in any state) is left alone.
 */
@Component
class CoachingDemoData {

	static final String COACH = "coach@demo.upcoach.local";

	static final String MEMBER = "member@demo.upcoach.local";

	static final EnumSet<SharedArea> SHARED = EnumSet.of(SharedArea.HABITS, SharedArea.GOALS, SharedArea.TASKS,
			SharedArea.MOOD);

	private static final Logger logger = LoggerFactory.getLogger(CoachingDemoData.class);

	private final AccountManagement accounts;

	private final CoachingManagement coaching;

	private final Clock clock;

	CoachingDemoData(AccountManagement accounts, CoachingManagement coaching, Clock clock) {
		this.accounts = accounts;
		this.coaching = coaching;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DemoAccountCreated event) {
		if (COACH.equals(event.email()) || MEMBER.equals(event.email())) {
			seed(COACH, MEMBER);
		}
	}

	/**
	 * @return whether this call connected the two
	 */
	boolean seed(String coachEmail, String memberEmail) {
		Optional<UserView> coach = this.accounts.findByEmail(coachEmail);
		Optional<UserView> member = this.accounts.findByEmail(memberEmail);
		if (coach.isEmpty() || member.isEmpty()) {
			return false;
		}
		LocalDate today = member.get().calendar().today(this.clock);
		List<CoachingManagement.NewNote> notes = List.of(new CoachingManagement.NewNote(null,
				"First session. Wants to be asleep by 23:00 on weekdays and to run twice a week. Agreed to start small: "
						+ "an evening wind-down habit and no phone in bed. Watch for weekend drift.",
				"private", today.minusDays(14)),
				new CoachingManagement.NewNote(null,
						"Great progress on the wind-down routine: five of seven evenings last week. For the next two "
								+ "weeks keep the 22:30 wind-down, add one Saturday run, and log your mood each evening "
								+ "so we can see how sleep affects it.",
						"shared", today.minusDays(7)));
		try {
			boolean created = this.coaching.seedDemo(new UserId(coach.get().id()), new UserId(member.get().id()),
					SHARED, notes);
			if (created) {
				logger.info("Connected demo coach {} and member {}", coachEmail, memberEmail);
			}
			return created;
		}
		catch (DataIntegrityViolationException ex) {
			// The other account's event connected them at the same moment.
			logger.debug("Demo coach and member already connected");
			return false;
		}
	}

}
