package com.upcoach.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only a few requests that hash a password run at once, and makes the others wait
 * for their turn before they touch the database.
 *
 * <p>
 * A password check costs tens of milliseconds of a core, so more of them at once than
 * there are cores only queue on the CPU. Queued inside their transactions they did harm:
 * a sign-in holds a database connection and takes a second one for its audit and device
 * records, and 32 sign-ins at once held the whole pool while each waited for its second
 * connection, until every one of them failed. Waiting here, before any transaction, holds
 * nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PasswordWorkGate extends OncePerRequestFilter {

	private static final Set<String> HASHING = Set.of("/api/v1/auth/login", "/api/v1/auth/register",
			"/api/v1/auth/password/reset", "/api/v1/users/me/password", "/login", "/signup", "/reset-password");

	static final Duration PATIENCE = Duration.ofSeconds(10);

	private final Semaphore turns;

	private final ErrorResponses errors;

	PasswordWorkGate(IdentitySettings settings, ErrorResponses errors) {
		this.turns = new Semaphore(settings.concurrentPasswordChecks(), true);
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !HASHING.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!awaitTurn()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			this.errors.write(response, ErrorCode.SERVICE_UNAVAILABLE,
					"Too many sign-ins at this moment; try again in a second");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.turns.release();
		}
	}

	private boolean awaitTurn() {
		try {
			return this.turns.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
