package com.upcoach.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. Each entry is written in a transaction of its own, so a
 * refused sign-in is recorded even though the sign-in itself rolls back. Entries are
 * never changed or removed (on PostgreSQL a trigger enforces it).
 */
@Component
public class AuditTrail {

	private static final Logger logger = LoggerFactory.getLogger("upcoach.audit");

	private static final int MAX_DETAILS = 2000;

	private static final int MAX_USER_AGENT = 512;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final ObjectMapper json;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Record an event of the current request; the actor is the signed-in user, if any.
	 */
	public void record(String type, AuditOutcome outcome, UserId target, Map<String, ?> details) {
		record(type, outcome, CurrentUser.id().orElse(null), target, details);
	}

	public void record(String type, AuditOutcome outcome, UserId actor, UserId target, Map<String, ?> details) {
		HttpServletRequest request = currentRequest();
		AuditEvent event = new AuditEvent(UUID.randomUUID(), this.clock.instant(), type, outcome,
				(actor != null) ? actor.value() : null, (target != null) ? target.value() : null,
				(request != null) ? request.getRemoteAddr() : null,
				(request != null) ? truncate(request.getHeader("User-Agent"), MAX_USER_AGENT) : null,
				MDC.get("requestId"), new LinkedHashMap<>(details));
		this.ownTransaction.executeWithoutResult((status) -> insert(event));
		logger.info("{} {} actor={} target={}", event.type(), event.outcome(), event.actorId(), event.targetId());
	}

	public Page<AuditEvent> search(AuditQuery query, Pageable pageable) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		condition(where, params, "type", "type = :type", query.type());
		condition(where, params, "outcome", "outcome = :outcome",
				(query.outcome() != null) ? query.outcome().name() : null);
		condition(where, params, "actorId", "actor_id = :actorId", query.actorId());
		condition(where, params, "targetId", "target_id = :targetId", query.targetId());
		condition(where, params, "userId", "(actor_id = :userId OR target_id = :userId)", query.userId());
		condition(where, params, "ip", "ip_address = :ip", query.ipAddress());
		condition(where, params, "from", "occurred_at >= :from", utc(query.from()));
		condition(where, params, "to", "occurred_at < :to", utc(query.to()));
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_events" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<AuditEvent> events = this.jdbc
			.sql("SELECT * FROM audit_events" + where + " ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, row) -> new AuditEvent(rs.getObject("id", UUID.class),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("type"),
					AuditOutcome.valueOf(rs.getString("outcome")), rs.getObject("actor_id", UUID.class),
					rs.getObject("target_id", UUID.class), rs.getString("ip_address"), rs.getString("user_agent"),
					rs.getString("request_id"), readDetails(rs.getString("details"))))
			.list();
		return new PageImpl<>(events, pageable, total);
	}

	private void insert(AuditEvent event) {
		this.jdbc
			.sql("INSERT INTO audit_events (id, occurred_at, type, outcome, actor_id, target_id, ip_address, "
					+ "user_agent, request_id, details) VALUES (:id, :occurredAt, :type, :outcome, :actorId, "
					+ ":targetId, :ip, :userAgent, :requestId, :details)")
			.param("id", event.id())
			.param("occurredAt", utc(event.occurredAt()))
			.param("type", event.type())
			.param("outcome", event.outcome().name())
			.param("actorId", event.actorId())
			.param("targetId", event.targetId())
			.param("ip", event.ipAddress())
			.param("userAgent", event.userAgent())
			.param("requestId", event.requestId())
			.param("details", truncate(this.json.writeValueAsString(event.details()), MAX_DETAILS))
			.update();
	}

	private Map<String, Object> readDetails(String details) {
		if (details == null || details.isEmpty()) {
			return Map.of();
		}
		try {
			return this.json.readValue(details, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (RuntimeException ex) {
			// A details text cut at the length limit is no longer JSON; show it as it is.
			return Map.of("text", details);
		}
	}

	private static void condition(StringBuilder where, Map<String, Object> params, String name, String clause,
			Object value) {
		if (value != null) {
			where.append(" AND ").append(clause);
			params.put(name, value);
		}
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

}
