package com.upcoach.notifications.mail;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.OutboxMailView;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mail catcher in the browser: the outbox, newest first, and one message with its
 * HTML shown in a sandboxed frame. With no SMTP server configured this is where the
 * application's email can be read.
 */
@Controller
@RequestMapping("/admin/mail")
@PreAuthorize("hasRole('ADMIN')")
class AdminMailPageController {

	static final int PAGE_SIZE = 25;

	/**
	 * The site's policy, except that the message's own inline styles may apply inside the
	 * frame (a {@code srcdoc} frame inherits this policy); the frame's sandbox still
	 * keeps scripts, forms and navigation out.
	 */
	static final String MESSAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private final MailOutbox outbox;

	AdminMailPageController(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@ModelAttribute("signedInAs")
	String signedInAs(Authentication authentication) {
		return authentication.getName();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String recipient,
			Model model) {
		String filter = (recipient != null && !recipient.isBlank()) ? recipient.strip() : null;
		if (filter != null && filter.length() > 320) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The recipient filter is too long");
		}
		Page<OutboxMailView> mails = this.outbox.list(filter, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE));
		model.addAttribute("mails", mails.map(MailSummary::of));
		model.addAttribute("recipient", filter);
		return "admin/mail-list";
	}

	@GetMapping("/{id}")
	String message(@PathVariable UUID id, Model model, HttpServletResponse response) {
		OutboxMailView mail = this.outbox.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message"));
		response.setHeader("Content-Security-Policy", MESSAGE_POLICY);
		model.addAttribute("mail", mail);
		return "admin/mail-message";
	}

}
