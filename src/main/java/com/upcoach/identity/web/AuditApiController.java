package com.upcoach.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.audit.AuditEvent;
import com.upcoach.platform.audit.AuditOutcome;
import com.upcoach.platform.audit.AuditQuery;
import com.upcoach.platform.audit.AuditTrail;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/audit-events")
@Tag(name = "Audit")
class AuditApiController {

	private final AuditTrail trail;

	AuditApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Read the security audit log (admins)",
			description = "Newest first. Filter by type, outcome, actor, target, user (actor or target), IP address "
					+ "and a time range [from, to).")
	ApiResponse<List<AuditEvent>> list(@Valid PageQuery page,
			@RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,48}") String type,
			@RequestParam(required = false) AuditOutcome outcome, @RequestParam(required = false) UUID actorId,
			@RequestParam(required = false) UUID targetId, @RequestParam(required = false) UUID userId,
			@RequestParam(required = false) @Size(max = 45) String ip,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		return ApiResponse
			.page(this.trail.search(new AuditQuery(type, outcome, actorId, targetId, userId, ip, from, to),
					page.toPageable(Sort.by(Sort.Order.desc("occurredAt")), Set.of("occurredAt"))));
	}

}
