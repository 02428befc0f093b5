package com.upcoach.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.upcoach.coaching.ClientSignalProvider;
import com.upcoach.coaching.RiskSignal;
import com.upcoach.coaching.SharedArea;
import com.upcoach.journal.domain.JournalEntryRepository;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a coach when a client who shares their journal last wrote in it. The journal
 * raises no risk signals of its own: its text is the client's, not a score.
 */
@Component
class JournalActivity implements ClientSignalProvider {

	private final JournalEntryRepository entries;

	JournalActivity(JournalEntryRepository entries) {
		this.entries = entries;
	}

	@Override
	public SharedArea area() {
		return SharedArea.JOURNAL;
	}

	@Override
	public List<RiskSignal> signals(UserId client, LocalDate today) {
		return List.of();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> lastActivity(UserId client) {
		return Optional.ofNullable(this.entries.lastWrittenAt(client.value()));
	}

}
