package com.upcoach.identity;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;

import com.upcoach.identity.domain.UserAccountRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.security.AccessTokens;

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

	PageSessions(SessionStore sessions, UserAccountRepository accounts, AccessTokens accessTokens,
			SecurityAudit audit) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.accessTokens = accessTokens;
		this.audit = audit;
	}

	/**
	 * Turn the session a sign-in just opened into a page session.
	 * @return the authentication to keep in the page's security context; its details name
	 * the session
	 */
	@Transactional
	public Authentication open(SignIn.Tokens tokens) {
		AccountPrincipal principal = this.accounts.findById(tokens.user().id())
			.map(AccountPrincipal::of)
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The account no longer exists"));
		this.sessions.becomePage(tokens.sessionId());
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(principal, null, principal.getAuthorities());
		authentication.setDetails(new Session(tokens.sessionId()));
		return authentication;
	}

	/**
	 * Whether a page session still holds (not signed out, ended from another session,
	 * expired or ended by a password change), noting its use when it does.
	 */
	@Transactional
	public boolean stillLive(UUID sessionId, ClientInfo client) {
		if (!this.sessions.isActive(sessionId)) {
			return false;
		}
		this.sessions.touch(sessionId, client);
		return true;
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
