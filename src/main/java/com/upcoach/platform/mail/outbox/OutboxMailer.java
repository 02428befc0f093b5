package com.upcoach.platform.mail.outbox;

import java.util.UUID;

import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.mail.MailMessage;
import com.upcoach.platform.mail.Mailer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Writes mail to the outbox and hands its delivery to a background job once the outbox
 * row is committed, so the job never looks for a row that is not there yet.
 */
@Component
class OutboxMailer implements Mailer {

	private static final Logger logger = LoggerFactory.getLogger(OutboxMailer.class);

	private final OutboxMailRepository outbox;

	private final JobScheduler jobs;

	OutboxMailer(OutboxMailRepository outbox, JobScheduler jobs) {
		this.outbox = outbox;
		this.jobs = jobs;
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
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				try {
					enqueue(id);
				}
				catch (RuntimeException ex) {
					// The caller's work is committed: failing its request now would
					// suggest otherwise.
					logger.error("Mail {} stays queued: its delivery could not be scheduled", id, ex);
				}
			}

		});
	}

	private UUID queue(MailMessage message) {
		return this.outbox.save(new OutboxMail(UUID.randomUUID(), message)).getId();
	}

	private void enqueue(UUID id) {
		// The job takes the message's id, so a message is never scheduled twice.
		this.jobs.<MailDelivery>enqueue(id, (delivery) -> delivery.deliver(id));
	}

}
