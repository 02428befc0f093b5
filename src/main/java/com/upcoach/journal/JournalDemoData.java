package com.upcoach.journal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.DemoAccountCreated;
import com.upcoach.journal.domain.JournalEntryRepository;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo member a dozen journal entries over the last four months. Runs once per
 * account: a replay finds the entries and leaves them.
 */
@Component
class JournalDemoData {

	private static final String[][] ENTRIES = {
			{ "Starting fresh", "Set up my habits today. I want mornings that start with a walk instead of my phone.",
					"reflection" },
			{ "First week done", "Walked five mornings out of seven. Sleep is the weak spot.", "sleep,exercise" },
			{ null, "Big presentation on Thursday. Writing down what I am worried about helps.", "work" },
			{ "Sunday with family", "Lunch at my sister's. I forgot how much I laugh with them.", "family" },
			{ "Rough patch", "Three bad nights in a row and work is piling up. Skipped the gym twice.",
					"sleep,work,stress" },
			{ null, "Talked to my coach about the slump. Plan: lights out by 23:00 and no email after 20:00.",
					"sleep,coaching" },
			{ "Small wins", "Kept the evening email rule four days running. Mood is lifting.", "work" },
			{ "Back on the trail", "First long run in weeks. Legs heavy, head clear.", "exercise,outdoors" },
			{ null, "Caught up with an old friend. Noticed I had stopped reaching out when stressed.", "friends" },
			{ "Gratitude list", "Health, a kind team, the park at 7am, my sister's terrible jokes.", "gratitude" },
			{ "Looking back", "A month ago I was sleeping five hours. Now it is closer to seven.", "sleep,reflection" },
			{ "Next goal", "Signing up for a 10k in spring. Writing it here makes it real.", "exercise,goals" } };

	private final JournalManagement journal;

	private final JournalEntryRepository entries;

	private final ChangeLog changeLog;

	private final AccountManagement accounts;

	private final Clock clock;

	private final TransactionTemplate transactions;

	JournalDemoData(JournalManagement journal, JournalEntryRepository entries, ChangeLog changeLog,
			AccountManagement accounts, Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.journal = journal;
		this.entries = entries;
		this.changeLog = changeLog;
		this.accounts = accounts;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DemoAccountCreated account) {
		if (!"user".equals(account.role())) {
			return;
		}
		UserId user = new UserId(account.userId());
		// Every module seeds the new account at once and all take the user's change
		// sequence: a seed that loses the race for it starts over in a new transaction.
		for (int attempt = 1;; attempt++) {
			try {
				this.transactions.executeWithoutResult((status) -> seed(user));
				return;
			}
			catch (TransientDataAccessException | DataIntegrityViolationException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	private void seed(UserId user) {
		if (this.entries.existsByUserId(user.value())) {
			return;
		}
		LocalDate today = this.accounts.profile(user).calendar().today(this.clock);
		long seq = this.changeLog.next(user);
		for (NewJournalEntry entry : plan(user, today)) {
			this.journal.create(user, entry, seq);
		}
	}

	/**
	 * The demo entries, about every ten days up to today.
	 */
	static List<NewJournalEntry> plan(UserId user, LocalDate today) {
		List<NewJournalEntry> plan = new ArrayList<>();
		for (int i = 0; i < ENTRIES.length; i++) {
			String[] entry = ENTRIES[i];
			LocalDate day = today.minusDays(110 - i * 10L);
			UUID id = UUID.nameUUIDFromBytes((user + "/journal/" + i).getBytes());
			plan.add(new NewJournalEntry(id, "text", entry[0], entry[1], List.of(entry[2].split(",")), day, null));
		}
		return plan;
	}

}
