package com.upcoach.identity;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.upcoach.identity.domain.UserAccount;
import com.upcoach.identity.domain.UserAccountRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ins of the server-rendered pages. A page signs in through {@link SignIn} like any
 * client, so brute-force protection, second factors and audit apply alike; the session it
 * gets is then kept as a page session, listed with the others and ended like them.
 */
@Service
public class PageSessions {

	private final SessionStore sessions;

	private final UserAccountRepository accounts;

	private final AccessTokens accessTokens;

	private final SecurityAudit audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PageSessions(SessionStore sessions, UserAccountRepository accounts, AccessTokens accessTokens, SecurityAudit audit,
			Clock clock, ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.accessTokens = accessTokens;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Turn the session a sign-in just opened into a page session.
	 * @param idleTimeout how long the HTTP session lasts unused; the page session ends
	 * with it
	 * @return the authentication to keep in the page's security context; its details name
	 * the session
	 */
	@Transactional
	public Authentication open(SignIn.Tokens tokens, Duration idleTimeout) {
		AccountPrincipal principal = this.accounts.findById(tokens.user().id())
			.map(AccountPrincipal::of)
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The account no longer exists"));
		this.sessions.becomePage(tokens.sessionId(), this.clock.instant().plus(idleTimeout));
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(principal, null, principal.getAuthorities());
		authentication.setDetails(new Session(tokens.sessionId()));
		return authentication;
	}

	/**
	 * Whether a page session still holds (not signed out, ended from another session or
	 * by a password change, not idle too long), keeping it alive when it does.
	 */
	@Transactional
	public boolean stillLive(UUID sessionId, ClientInfo client, Duration idleTimeout) {
		return this.sessions.keepPageAlive(sessionId, client, this.clock.instant().plus(idleTimeout));
	}

	/**
	 * An access token of the page session, for what a page reaches outside its cookie
	 * (its Socket.IO connection). It is the session's like any other: signing out revokes
	 * it and closes the connections it opened.
	 */
	@Transactional(readOnly = true)
	public AccessTokens.IssuedToken accessToken(Authentication authentication) {
		if (!(authentication.getDetails() instanceof Session session)
				|| !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in on this page first");
		}
		UserAccount user = this.accounts.findById(principal.userId().value())
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The account no longer exists"));
		SignIn.requireActive(user);
		return this.accessTokens.issue(new UserId(user.getId()), user.getEmail(), user.getRole(),
				RolePermissions.of(user.getRole()), session.id());
	}

	/**
	 * Signing out of the pages ends the page session too.
	 */
	@EventListener
	@Transactional
	public void signedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication().getDetails() instanceof Session session
				&& event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			this.sessions.revoke(session.id(), "logout");
			this.accessTokens.revokeSession(session.id());
			this.events.publishEvent(
					new SessionsEnded(principal.userId().value(), List.of(session.id()), this.clock.instant()));
			this.audit.byUser(SecurityEvent.LOGOUT, true, principal.userId().value(),
					Map.of("sessionId", session.id()));
		}
	}

	/**
	 * The session a page authentication belongs to.
	 *
	 * @param id the session id, as in the session list
	 */
	public record Session(UUID id) implements Serializable {
	}

}
