package com.upcoach.platform.mail.outbox;

import java.util.List;

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
		Pageable ordered = (pageable.isPaged() && pageable.getSort().isUnsorted())
				? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST) : pageable;
		return this.outbox.findAll(ordered).map(OutboxMail::toView);
	}

}
