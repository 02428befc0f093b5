package com.upcoach.notifications.mail;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.mail.MailOutbox;
import com.upcoach.platform.mail.OutboxMailView;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail catcher for administrators: every message the application queued, sent or kept
 * in the local outbox. Bodies may carry sign-in and reset links, hence admins only.
 */
@RestController
@RequestMapping("/api/v1/admin/mail")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin mail")
class AdminMailApiController {

	private final MailOutbox outbox;

	AdminMailApiController(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping
	@Operation(summary = "List outgoing mail (admins)",
			description = "Newest first, without the bodies. Filter by part of the recipient's address.")
	ApiResponse<List<MailSummary>> list(@Valid PageQuery page,
			@Parameter(description = "Part of the recipient's address, any case") @RequestParam(required = false) @Size(
					max = 320) String recipient) {
		return ApiResponse.page(
				this.outbox.list(recipient, page.toPageable(Sort.by(Sort.Order.desc("createdAt")), Set.of("createdAt")))
					.map(MailSummary::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One outgoing message with its text and HTML parts (admins)")
	ApiResponse<OutboxMailView> get(@PathVariable UUID id) {
		return ApiResponse.of(this.outbox.find(id).orElseThrow(() -> new NotFoundException("Mail", id)));
	}

}
