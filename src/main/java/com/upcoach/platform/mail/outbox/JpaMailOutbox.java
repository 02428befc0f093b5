package com.upcoach.platform.mail.outbox;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.OutboxMailView;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

@Component
@Transactional(readOnly = true)
class JpaMailOutbox implements MailOutbox {

	static final int MAX_RECENT = 100;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt");

	private final OutboxMailRepository outbox;

	JpaMailOutbox(OutboxMailRepository outbox) {
		this.outbox = outbox;
	}

	@Override
	public List<OutboxMailView> recent(String recipient, int limit) {
		Assert.hasText(recipient, "recipient must not be blank");
		Assert.isTrue(limit > 0 && limit <= MAX_RECENT, "limit must be between 1 and " + MAX_RECENT);
		return this.outbox.findByRecipientOrderByCreatedAtDesc(recipient.strip(), Limit.of(limit))
			.stream()
			.map(OutboxMail::toView)
			.toList();
	}

	@Override
	public Page<OutboxMailView> list(Pageable pageable) {
		return this.outbox.findAll(ordered(pageable)).map(OutboxMail::toView);
	}

	@Override
	public Page<OutboxMailView> list(String recipient, Pageable pageable) {
		if (recipient == null || recipient.isBlank()) {
			return list(pageable);
		}
		return this.outbox.findByRecipientContainingIgnoreCase(recipient.strip(), ordered(pageable))
			.map(OutboxMail::toView);
	}

	@Override
	public Optional<OutboxMailView> find(UUID id) {
		return this.outbox.findById(id).map(OutboxMail::toView);
	}

	private static Pageable ordered(Pageable pageable) {
		return (pageable.isPaged() && pageable.getSort().isUnsorted())
				? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST) : pageable;
	}

}
