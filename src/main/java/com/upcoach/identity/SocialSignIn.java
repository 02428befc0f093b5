package com.upcoach.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.upcoach.identity.domain.UserAccount;
import com.upcoach.identity.domain.UserAccountRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in with Google, Apple, Facebook or an OpenID Connect provider: finds the account
 * of a provider identity, links it to an account with the same verified email, or opens a
 * new account; and lets users link and unlink providers.
 */
@Service
public class SocialSignIn {

	/** How long an app has to exchange its one-time code for tokens. */
	static final Duration APP_CODE_TTL = Duration.ofSeconds(60);

	private static final int MAX_NAME = 120;

	private final UserAccountRepository accounts;

	private final LinkedAccountStore links;

	private final ProfileStore profiles;

	private final AccountTokens tokens;

	private final SignIn signIn;

	private final SecurityAudit audit;

	private final Clock clock;

	SocialSignIn(UserAccountRepository accounts, LinkedAccountStore links, ProfileStore profiles, AccountTokens tokens,
			SignIn signIn, SecurityAudit audit, Clock clock) {
		this.accounts = accounts;
		this.links = links;
		this.profiles = profiles;
		this.tokens = tokens;
		this.signIn = signIn;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Sign in with a provider identity as the first factor: a session, or the
	 * second-factor challenge when the account has one and the device is not trusted.
	 * @param trustToken the trusted-device token the browser holds, if any
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public SignIn.SignInResult signIn(SocialIdentity identity, ClientInfo client, String trustToken) {
		return this.signIn.afterFirstFactor(accountOf(identity), client, trustToken, identity.method());
	}

	/**
	 * Sign in an app: a one-time code it exchanges for tokens with
	 * {@link #exchangeAppCode}. The code travels through the browser, so it is
	 * short-lived and good for one exchange only.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public String issueAppCode(SocialIdentity identity) {
		UserAccount user = accountOf(identity);
		return this.tokens.issue(user.getId(), AccountTokens.Purpose.OAUTH_CODE, APP_CODE_TTL, identity.method());
	}

	/**
	 * Exchange a one-time code for what a password sign-in answers: tokens, or the
	 * second-factor challenge.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public SignIn.SignInResult exchangeAppCode(String code, ClientInfo client, String trustToken) {
		AccountTokens.Token redeemed = this.tokens.redeem(code, AccountTokens.Purpose.OAUTH_CODE)
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
					"The sign-in code is invalid, expired or already used; sign in again"));
		UserAccount user = this.accounts.findById(redeemed.userId())
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The account no longer exists"));
		SignIn.requireActive(user);
		return this.signIn.afterFirstFactor(user, client, trustToken, redeemed.payload());
	}

	/**
	 * Link a provider identity to the signed-in user's account.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void link(UserId userId, SocialIdentity identity) {
		UserAccount user = find(userId);
		Optional<UUID> owner = this.links.ownerOf(identity.provider(), identity.subject());
		if (owner.isPresent() && !owner.get().equals(user.getId())) {
			this.audit.failed(SecurityEvent.ACCOUNT_LINKED, user.getId(),
					Map.of("provider", identity.provider(), "reason", "linked-to-another-account"));
			throw ApiException
				.conflict("This " + identity.providerName() + " account is already linked to another UpCoach account");
		}
		if (owner.isEmpty()) {
			if (this.links.hasProvider(user.getId(), identity.provider())) {
				this.audit.failed(SecurityEvent.ACCOUNT_LINKED, user.getId(),
						Map.of("provider", identity.provider(), "reason", "other-identity-linked"));
				throw ApiException.conflict("Unlink your current " + identity.providerName() + " account first");
			}
			linkTo(user, identity, "signed-in");
		}
	}

	/**
	 * Record a round trip that the provider ended without a sign-in: the user cancelled,
	 * or the answer was stale or forged.
	 */
	@Transactional
	public void failedAtProvider(String provider, String error) {
		this.audit.byUser(SecurityEvent.LOGIN_FAILED, false, null,
				Map.of("method", "oauth2:" + provider, "reason", error));
	}

	@Transactional(readOnly = true)
	public List<LinkedAccountView> linkedAccounts(UserId userId) {
		return this.links.of(userId.value());
	}

	/**
	 * Unlink a provider, unless it is the account's last way to sign in.
	 */
	@Transactional
	public void unlink(UserId userId, String provider) {
		UserAccount user = find(userId);
		List<LinkedAccountView> linked = this.links.of(user.getId());
		if (linked.stream().noneMatch((link) -> link.provider().equals(provider))) {
			throw new NotFoundException("Linked account", provider);
		}
		if (user.getPasswordHash() == null && linked.size() == 1) {
			throw ApiException.conflict("This is the only way to sign in to this account; "
					+ "set a password or link another provider first");
		}
		this.links.unlink(user.getId(), provider);
		this.audit.succeeded(SecurityEvent.ACCOUNT_UNLINKED, user.getId(), Map.of("provider", provider));
	}

	/**
	 * The account a provider identity signs in to: the one it is linked to, else the one
	 * with the same email if the provider verified it, else a new one. An unverified
	 * email never reaches an existing account.
	 */
	private UserAccount accountOf(SocialIdentity identity) {
		Optional<UUID> linked = this.links.ownerOf(identity.provider(), identity.subject());
		if (linked.isPresent()) {
			UserAccount user = find(new UserId(linked.get()));
			requireActive(user, identity);
			return user;
		}
		if (identity.email() == null || identity.email().isBlank()) {
			refuse(null, identity, "no-email");
			throw ApiException.validation("email",
					identity.providerName() + " did not share an email address; allow access to it and try again");
		}
		String email = UserAccount.normaliseEmail(identity.email());
		Optional<UserAccount> existing = this.accounts.findByEmail(email);
		if (existing.isEmpty()) {
			return open(identity, email);
		}
		UserAccount user = existing.get();
		if (!identity.emailVerified()) {
			refuse(user.getId(), identity, "unverified-email");
			throw ApiException.conflict("An account with this email address already exists, and "
					+ identity.providerName() + " has not verified the address. Sign in with your password and "
					+ "link " + identity.providerName() + " from your security settings.");
		}
		requireActive(user, identity);
		if (this.links.hasProvider(user.getId(), identity.provider())) {
			refuse(user.getId(), identity, "other-identity-linked");
			throw ApiException.conflict("This account is linked to a different " + identity.providerName()
					+ " account; sign in with that one");
		}
		linkTo(user, identity, "verified-email");
		return user;
	}

	private UserAccount open(SocialIdentity identity, String email) {
		UserAccount created = this.accounts.saveAndFlush(new UserAccount(UUID.randomUUID(), email, null,
				displayName(identity, email), Role.USER, ZoneOffset.UTC, Locale.ENGLISH));
		if (identity.emailVerified()) {
			created.verifyEmail(this.clock.instant());
		}
		this.profiles.save(created.getId(), ProfileStore.Profile.EMPTY);
		this.audit.byUser(SecurityEvent.ACCOUNT_REGISTERED, true, created.getId(),
				Map.of("method", identity.method(), "emailVerified", identity.emailVerified()));
		linkTo(created, identity, "new-account");
		return created;
	}

	private void linkTo(UserAccount user, SocialIdentity identity, String reason) {
		this.links.link(user.getId(), identity, this.clock.instant());
		this.audit.byUser(SecurityEvent.ACCOUNT_LINKED, true, user.getId(),
				Map.of("provider", identity.provider(), "reason", reason));
	}

	private void requireActive(UserAccount user, SocialIdentity identity) {
		if (!user.isActive()) {
			refuse(user.getId(), identity, "account-" + user.getStatus().name().toLowerCase(Locale.ROOT));
		}
		SignIn.requireActive(user);
	}

	private void refuse(UUID userId, SocialIdentity identity, String reason) {
		this.audit.byUser(SecurityEvent.LOGIN_FAILED, false, userId,
				Map.of("method", identity.method(), "reason", reason));
	}

	private UserAccount find(UserId userId) {
		return this.accounts.findById(userId.value()).orElseThrow(() -> new NotFoundException("User", userId));
	}

	private static String displayName(SocialIdentity identity, String email) {
		String name = (identity.name() != null && !identity.name().isBlank()) ? identity.name().strip()
				: email.substring(0, Math.max(email.indexOf('@'), 0));
		if (name.isEmpty()) {
			name = identity.providerName() + " user";
		}
		return (name.length() > MAX_NAME) ? name.substring(0, MAX_NAME) : name;
	}

}
