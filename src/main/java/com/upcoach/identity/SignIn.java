package com.upcoach.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.upcoach.identity.domain.AccountStatus;
import com.upcoach.identity.domain.UserAccount;
import com.upcoach.identity.domain.UserAccountRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in and staying signed in: passwords with brute-force protection, second
 * factors, sessions with rotating refresh tokens, logout and trusted devices.
 */
@Service
public class SignIn {

	static final int MFA_ATTEMPTS = 5;

	private static final String INVALID_CREDENTIALS = "Invalid email or password";

	// Compared against when the email is unknown, so a miss costs as much as a wrong
	// password.
	private final String unknownUserHash;

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final SessionStore sessions;

	private final AccountTokens accountTokens;

	private final AccessTokens accessTokens;

	private final TwoFactor twoFactor;

	private final SecurityMails mails;

	private final SecurityAudit audit;

	private final ProfileStore profiles;

	private final IdentitySettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SignIn(UserAccountRepository accounts, PasswordEncoder passwords, LoginThrottle throttle, SessionStore sessions,
			AccountTokens accountTokens, AccessTokens accessTokens, TwoFactor twoFactor, SecurityMails mails,
			SecurityAudit audit, ProfileStore profiles, IdentitySettings settings, Clock clock,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.sessions = sessions;
		this.accountTokens = accountTokens;
		this.accessTokens = accessTokens;
		this.twoFactor = twoFactor;
		this.mails = mails;
		this.audit = audit;
		this.profiles = profiles;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * Check a password. Unknown email, wrong password and a waiting email or address all
	 * answer alike, so sign-in reveals nothing about which accounts exist.
	 * @param trustToken the trusted-device token the client holds, if any
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public SignInResult withPassword(String email, String password, ClientInfo client, String trustToken) {
		String normalised = UserAccount.normaliseEmail(email);
		Duration wait = this.throttle.remainingWait(normalised, client.ipAddress());
		Optional<UserAccount> account = this.accounts.findByEmail(normalised);
		UUID accountId = account.map(UserAccount::getId).orElse(null);
		if (!wait.isZero()) {
			this.audit.byUser(SecurityEvent.LOGIN_BLOCKED, false, accountId, Map.of("waitSeconds", wait.toSeconds()));
			throw lockedOut(wait);
		}
		String hash = account.map(UserAccount::getPasswordHash).orElse(null);
		// Hash even when there is nothing to compare with (no account, or one that
		// signs in only with a provider), so the answer takes as long either way.
		boolean matches = this.passwords.matches(password, (hash != null) ? hash : this.unknownUserHash);
		if (hash == null || !matches) {
			boolean locked = this.throttle.failed(normalised, client.ipAddress());
			this.audit.byUser(SecurityEvent.LOGIN_FAILED, false, accountId, Map.of("reason", "bad-credentials"));
			if (locked && account.isPresent()) {
				this.audit.byUser(SecurityEvent.ACCOUNT_LOCKED, true, accountId, Map.of());
				this.mails.lockedOut(account.get(), client);
			}
			throw new ApiException(ErrorCode.UNAUTHENTICATED, INVALID_CREDENTIALS);
		}
		UserAccount user = account.get();
		this.throttle.succeeded(normalised);
		requireActive(user);
		if (this.passwords.upgradeEncoding(hash)) {
			user.rehashPassword(this.passwords.encode(password));
			this.audit.byUser(SecurityEvent.PASSWORD_REHASHED, true, accountId, Map.of());
		}
		return afterFirstFactor(user, client, trustToken, "password");
	}

	/**
	 * Continue after a first factor: ask for the second one unless the user has none or
	 * the device is trusted.
	 */
	SignInResult afterFirstFactor(UserAccount user, ClientInfo client, String trustToken, String method) {
		if (this.twoFactor.isEnabled(user.getId()) && !isTrusted(user.getId(), client, trustToken)) {
			String challenge = this.accountTokens.issue(user.getId(), AccountTokens.Purpose.MFA_CHALLENGE,
					this.settings.mfaChallengeTtl(), method);
			this.audit.byUser(SecurityEvent.MFA_CHALLENGED, true, user.getId(), Map.of("method", method));
			return SignInResult.challenge(new MfaChallenge(true, challenge, this.twoFactor.methods(user.getId()),
					this.settings.mfaChallengeTtl().toSeconds()));
		}
		return SignInResult.signedIn(start(user, client, method));
	}

	/**
	 * Finish a sign-in with a TOTP or recovery code.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public Tokens withSecondFactor(String mfaToken, String code, String recoveryCode, boolean rememberDevice,
			ClientInfo client) {
		AccountTokens.Token challenge = this.accountTokens.find(mfaToken, AccountTokens.Purpose.MFA_CHALLENGE)
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
					"The sign-in has expired or was already completed; sign in again"));
		UUID userId = challenge.userId();
		boolean verified = (recoveryCode != null) ? this.twoFactor.useRecoveryCode(userId, recoveryCode)
				: this.twoFactor.verifyCode(userId, code);
		if (!verified) {
			this.accountTokens.countAttempt(challenge, MFA_ATTEMPTS);
			this.audit.byUser(SecurityEvent.MFA_FAILED, false, userId,
					Map.of("attempt", challenge.attempts() + 1, "kind", (recoveryCode != null) ? "recovery" : "totp"));
			throw new ApiException(ErrorCode.UNAUTHENTICATED, "The code is not valid");
		}
		return completeSecondFactor(challenge, rememberDevice, client);
	}

	/**
	 * Finish a sign-in whose second factor was verified, by any method.
	 */
	Tokens completeSecondFactor(AccountTokens.Token challenge, boolean rememberDevice, ClientInfo client) {
		UUID userId = challenge.userId();
		if (!this.accountTokens.consume(challenge)) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, "This sign-in was already completed");
		}
		UserAccount user = this.accounts.findById(userId)
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The account no longer exists"));
		requireActive(user);
		Tokens tokens = start(user, client, "mfa");
		if (rememberDevice) {
			String trust = Secrets.newSecret();
			Instant until = this.clock.instant().plus(this.settings.trustedDeviceTtl());
			this.sessions.trust(tokens.deviceId(), Secrets.sha256(trust), until);
			this.audit.byUser(SecurityEvent.DEVICE_TRUSTED, true, userId, Map.of("deviceId", tokens.deviceId()));
			return tokens.withTrust(trust, until);
		}
		return tokens;
	}

	/**
	 * Open a session for a user who has proved who they are, and issue its tokens. Other
	 * sign-in methods (social, passkeys) end here too.
	 */
	Tokens start(UserAccount user, ClientInfo client, String method) {
		boolean knownUser = this.sessions.hasDevices(user.getId());
		Optional<String> lastCountry = this.sessions.lastCountry(user.getId());
		SessionStore.Device device = this.sessions.device(user.getId(), client);
		boolean newCountry = client.country() != null && lastCountry.isPresent()
				&& !lastCountry.get().equals(client.country());
		if (newCountry) {
			this.audit.byUser(SecurityEvent.NEW_COUNTRY, true, user.getId(),
					Map.of("country", client.country(), "previousCountry", lastCountry.get()));
		}
		if (device.isNew() && knownUser) {
			this.audit.byUser(SecurityEvent.NEW_DEVICE, true, user.getId(),
					Map.of("device", client.displayName(), "deviceId", device.id()));
		}
		if ((device.isNew() && knownUser) || newCountry) {
			this.mails.newSignIn(user, client);
		}
		Instant now = this.clock.instant();
		UUID sessionId = this.sessions.createSession(user.getId(), device.id(), SessionStore.Kind.API, method, client,
				now.plus(this.settings.sessionMaxLifetime()));
		this.audit.byUser(SecurityEvent.LOGIN_SUCCEEDED, true, user.getId(),
				Map.of("method", method, "sessionId", sessionId));
		return issue(user, sessionId, device.id(), now.plus(this.settings.sessionMaxLifetime()));
	}

	/**
	 * Exchange a refresh token for new tokens. Each refresh token works once: presenting
	 * one again means it was stolen or leaked, so the whole session ends.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public Tokens refresh(String refreshToken, ClientInfo client) {
		SessionStore.RefreshToken token = this.sessions.refreshToken(Secrets.sha256(refreshToken))
			.orElseThrow(SignIn::invalidRefreshToken);
		Instant now = this.clock.instant();
		if (token.used() || !this.sessions.markUsed(token.id())) {
			endSession(token.sessionId(), "refresh-token-reuse");
			this.audit.byUser(SecurityEvent.REFRESH_TOKEN_REUSED, false, token.userId(),
					Map.of("sessionId", token.sessionId()));
			throw invalidRefreshToken();
		}
		if (token.sessionRevoked() || token.expiresAt().isBefore(now) || token.sessionExpiresAt().isBefore(now)) {
			throw invalidRefreshToken();
		}
		UserAccount user = this.accounts.findById(token.userId()).orElseThrow(SignIn::invalidRefreshToken);
		if (!user.isActive()) {
			endSession(token.sessionId(), "account-" + user.getStatus().name().toLowerCase(Locale.ROOT));
			throw invalidRefreshToken();
		}
		this.sessions.touch(token.sessionId(), client);
		return issue(user, token.sessionId(), null, token.sessionExpiresAt());
	}

	/**
	 * End the session of the presented access token and refuse that token at once.
	 */
	@Transactional
	public void logout(Jwt accessToken) {
		this.accessTokens.revoke(accessToken);
		UUID sessionId = AccessTokens.sessionOf(accessToken);
		if (sessionId != null) {
			endSession(sessionId, "logout");
			ended(AccessTokens.userOf(accessToken), List.of(sessionId));
		}
		this.audit.succeeded(SecurityEvent.LOGOUT, AccessTokens.userOf(accessToken).value(),
				Map.of("sessionId", String.valueOf(sessionId)));
	}

	@Transactional
	public int logoutEverywhere(UserId userId, String reason) {
		List<UUID> ended = this.sessions.revokeAll(userId.value(), reason);
		ended.forEach(this.accessTokens::revokeSession);
		ended(userId, ended);
		this.audit.succeeded(SecurityEvent.LOGOUT_ALL, userId.value(),
				Map.of("sessions", ended.size(), "reason", reason));
		return ended.size();
	}

	@Transactional(readOnly = true)
	public List<SessionView> sessions(UserId userId, UUID currentSession) {
		return this.sessions.live(userId.value(), currentSession);
	}

	/**
	 * End one of the user's own sessions; someone else's answers as if it did not exist.
	 */
	@Transactional
	public void endSession(UserId userId, UUID sessionId) {
		if (!this.sessions.ownerOf(sessionId).filter(userId.value()::equals).isPresent()) {
			throw new NotFoundException("Session", sessionId);
		}
		endSession(sessionId, "ended-by-user");
		ended(userId, List.of(sessionId));
		this.audit.succeeded(SecurityEvent.SESSION_REVOKED, userId.value(), Map.of("sessionId", sessionId));
	}

	@Transactional(readOnly = true)
	public List<DeviceView> devices(UserId userId) {
		return this.sessions.devices(userId.value());
	}

	@Transactional
	public void forgetDeviceTrust(UserId userId, UUID deviceId) {
		if (!this.sessions.untrust(userId.value(), deviceId)) {
			throw new NotFoundException("Device", deviceId);
		}
		this.audit.succeeded(SecurityEvent.DEVICE_UNTRUSTED, userId.value(), Map.of("deviceId", deviceId));
	}

	private void ended(UserId userId, List<UUID> sessionIds) {
		if (!sessionIds.isEmpty()) {
			this.events.publishEvent(new SessionsEnded(userId.value(), sessionIds, this.clock.instant()));
		}
	}

	private void endSession(UUID sessionId, String reason) {
		this.sessions.revoke(sessionId, reason);
		this.accessTokens.revokeSession(sessionId);
	}

	private boolean isTrusted(UUID userId, ClientInfo client, String trustToken) {
		return trustToken != null && this.sessions.device(userId, client).trusts(trustToken, this.clock.instant());
	}

	private Tokens issue(UserAccount user, UUID sessionId, UUID deviceId, Instant sessionExpiresAt) {
		Instant now = this.clock.instant();
		Instant refreshExpiresAt = now.plus(this.settings.refreshTokenTtl());
		if (refreshExpiresAt.isAfter(sessionExpiresAt)) {
			refreshExpiresAt = sessionExpiresAt;
		}
		String refreshToken = Secrets.newSecret();
		this.sessions.addRefreshToken(sessionId, Secrets.sha256(refreshToken), refreshExpiresAt);
		AccessTokens.IssuedToken access = this.accessTokens.issue(new UserId(user.getId()), user.getEmail(),
				user.getRole(), RolePermissions.of(user.getRole()), sessionId);
		return new Tokens(access.value(), refreshToken, "Bearer", access.expiresInSeconds(),
				Duration.between(now, refreshExpiresAt).toSeconds(), sessionId, deviceId,
				AccountManagement.toView(user, this.profiles.find(user.getId()).orElse(null)), null, null);
	}

	static void requireActive(UserAccount user) {
		if (user.getStatus() == AccountStatus.SUSPENDED) {
			throw new ApiException(ErrorCode.FORBIDDEN, "This account is suspended; contact support");
		}
		if (user.getStatus() == AccountStatus.PENDING_DELETION) {
			throw new ApiException(ErrorCode.FORBIDDEN, "This account is being deleted");
		}
	}

	private static ApiException lockedOut(Duration wait) {
		long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
		return ApiException.tooManyRequests("Too many failed sign-ins; try again in " + minutes
				+ ((minutes == 1) ? " minute" : " minutes") + " or reset your password", wait);
	}

	private static ApiException invalidRefreshToken() {
		return new ApiException(ErrorCode.UNAUTHENTICATED, "The refresh token is invalid or expired; sign in again");
	}

	/**
	 * Tokens issued or a second factor asked for.
	 *
	 * @param tokens the tokens, when signed in
	 * @param challenge the challenge, when a second factor is needed
	 */
	public record SignInResult(Tokens tokens, MfaChallenge challenge) {

		static SignInResult signedIn(Tokens tokens) {
			return new SignInResult(tokens, null);
		}

		static SignInResult challenge(MfaChallenge challenge) {
			return new SignInResult(null, challenge);
		}

	}

	/**
	 * The answer to a password that needs a second factor.
	 *
	 * @param mfaRequired always {@code true}
	 * @param mfaToken the challenge to send with the code to {@code /auth/2fa/verify}
	 * @param methods the factors the user has: {@code totp}, {@code recovery_code},
	 * {@code webauthn}
	 * @param expiresIn seconds left to answer
	 */
	public record MfaChallenge(boolean mfaRequired, String mfaToken, List<String> methods, long expiresIn) {
	}

	/**
	 * A signed-in session's tokens.
	 *
	 * @param accessToken the 15-minute bearer JWT
	 * @param refreshToken the single-use refresh token
	 * @param tokenType {@code Bearer}
	 * @param expiresIn seconds until the access token expires
	 * @param refreshExpiresIn seconds until the refresh token expires
	 * @param sessionId the session ({@code sid})
	 * @param deviceId the device, on a new sign-in
	 * @param user the account
	 * @param trustedDeviceToken sent back at the next sign-in to skip the second factor
	 * @param trustedUntil until when the device is trusted
	 */
	public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn,
			long refreshExpiresIn, UUID sessionId, UUID deviceId, UserView user, String trustedDeviceToken,
			Instant trustedUntil) {

		Tokens withTrust(String token, Instant until) {
			return new Tokens(this.accessToken, this.refreshToken, this.tokenType, this.expiresIn,
					this.refreshExpiresIn, this.sessionId, this.deviceId, this.user, token, until);
		}

	}

}
