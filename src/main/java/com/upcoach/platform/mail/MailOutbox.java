package com.upcoach.platform.mail;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Reads the outbox: what was sent to whom, newest first. Bodies may carry sign-in tokens,
 * so only the recipient's own mail catcher and administrators may see them.
 */
public interface MailOutbox {

	/**
	 * The latest messages to one recipient, newest first.
	 * @param recipient the address exactly as it was sent to
	 * @param limit how many, from 1 to 100
	 */
	List<OutboxMailView> recent(String recipient, int limit);

	/**
	 * All messages, newest first unless the page asks for another order.
	 */
	Page<OutboxMailView> list(Pageable pageable);

	/**
	 * Messages whose recipient contains the given text (any case), newest first unless
	 * the page asks for another order; all messages when the text is blank.
	 */
	Page<OutboxMailView> list(String recipient, Pageable pageable);

	/**
	 * One message.
	 */
	Optional<OutboxMailView> find(UUID id);

}
