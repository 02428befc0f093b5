package com.upcoach.platform.mail.outbox;

import java.util.UUID;

import org.jobrunr.scheduling.JobScheduler;

import com.upcoach.platform.mail.MailMessage;
import com.upcoach.platform.mail.Mailer;
import com.upcoach.platform.persistence.AfterCommit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Writes mail to the outbox and hands its delivery to a background job once the outbox
 * row is committed, so the job never looks for a row that is not there yet.
 */
@Component
class OutboxMailer implements Mailer {

	private final OutboxMailRepository outbox;

	private final JobScheduler jobs;

	private final AfterCommit afterCommit;

	OutboxMailer(OutboxMailRepository outbox, JobScheduler jobs, AfterCommit afterCommit) {
		this.outbox = outbox;
		this.jobs = jobs;
		this.afterCommit = afterCommit;
	}

	@Override
	public void send(MailMessage message) {
		Assert.notNull(message, "message must not be null");
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			enqueue(queue(message));
			return;
		}
		// Hibernate never flushes a read-only transaction: the message would vanish.
		Assert.state(!TransactionSynchronizationManager.isCurrentTransactionReadOnly(),
				"Mail is written to the outbox in the caller's transaction, which must not be read-only");
		UUID id = queue(message);
		this.afterCommit.run("schedule the delivery of mail " + id, () -> enqueue(id));
	}

	private UUID queue(MailMessage message) {
		return this.outbox.save(new OutboxMail(UUID.randomUUID(), message)).getId();
	}

	private void enqueue(UUID id) {
		// The job takes the message's id, so a message is never scheduled twice.
		this.jobs.<MailDelivery>enqueue(id, (delivery) -> delivery.deliver(id));
	}

}
