package com.upcoach.identity;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.upcoach.identity.domain.AccountStatus;
import com.upcoach.identity.domain.UserAccount;
import com.upcoach.identity.domain.UserAccountRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.cache.CacheNames;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's API for accounts: registration, email verification, passwords,
 * profiles, deletion requests and administration.
 */
@Service
public class AccountManagement {

	private final UserAccountRepository accounts;

	private final ProfileStore profiles;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final AccountTokens tokens;

	private final SignIn signIn;

	private final SecurityMails mails;

	private final SecurityAudit audit;

	private final IdentitySettings settings;

	private final ObjectProvider<CoachingRelationships> coaching;

	private final EntityManager entityManager;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccountManagement(UserAccountRepository accounts, ProfileStore profiles, PasswordEncoder passwords,
			PasswordPolicy policy, AccountTokens tokens, SignIn signIn, SecurityMails mails, SecurityAudit audit,
			IdentitySettings settings, ObjectProvider<CoachingRelationships> coaching, EntityManager entityManager,
			Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.passwords = passwords;
		this.policy = policy;
		this.tokens = tokens;
		this.signIn = signIn;
		this.mails = mails;
		this.audit = audit;
		this.settings = settings;
		this.coaching = coaching;
		this.entityManager = entityManager;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Open an account and send the link that verifies its email. Reusing an email answers
	 * {@code CONFLICT} and tells the owner of that address by email, not the caller.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public UserView register(NewAccount account) {
		String email = UserAccount.normaliseEmail(account.email());
		this.policy.check("password", account.password(), email, account.name());
		Optional<UserAccount> existing = this.accounts.findByEmail(email);
		if (existing.isPresent()) {
			this.mails.registrationAttempt(existing.get());
			throw ApiException
				.conflict("This email address cannot be used to register; sign in or reset your password");
		}
		UserAccount created = this.accounts.saveAndFlush(newAccount(account, email));
		this.profiles.save(created.getId(), ProfileStore.Profile.EMPTY);
		sendVerification(created);
		this.audit.byUser(SecurityEvent.ACCOUNT_REGISTERED, true, created.getId(), Map.of());
		return toView(created, ProfileStore.Profile.EMPTY);
	}

	/**
	 * Create an account without the password policy or a verification mail: demo data and
	 * tests.
	 */
	@Transactional
	public UserView createAccount(NewAccount account) {
		String email = UserAccount.normaliseEmail(account.email());
		if (this.accounts.existsByEmail(email)) {
			throw ApiException.conflict("An account with this email already exists");
		}
		UserAccount created = newAccount(account, email);
		created.verifyEmail(this.clock.instant());
		return toView(this.accounts.save(created), null);
	}

	@Transactional
	public void resendVerification(UserId userId) {
		UserAccount account = find(userId);
		if (account.isEmailVerified()) {
			throw ApiException.conflict("The email address is already verified");
		}
		sendVerification(account);
	}

	@CacheEvict(cacheNames = CacheNames.USER_PROFILES, allEntries = true)
	@Transactional
	public UserView verifyEmail(String token) {
		AccountTokens.Token redeemed = this.tokens.redeem(token, AccountTokens.Purpose.VERIFY_EMAIL)
			.orElseThrow(() -> ApiException.validation("token",
					"This link is invalid, expired or already used; ask for a new one"));
		UserAccount account = find(new UserId(redeemed.userId()));
		if (!account.getEmail().equals(redeemed.payload())) {
			throw ApiException.validation("token", "This link was for an earlier email address");
		}
		account.verifyEmail(this.clock.instant());
		this.audit.byUser(SecurityEvent.EMAIL_VERIFIED, true, account.getId(), Map.of());
		return toView(account, this.profiles.find(account.getId()).orElse(null));
	}

	/**
	 * Send a reset link if the email belongs to an account. The answer is the same either
	 * way.
	 */
	@Transactional
	public void forgotPassword(String email) {
		Optional<UserAccount> account = this.accounts.findByEmail(UserAccount.normaliseEmail(email));
		if (account.isEmpty() || account.get().getStatus() == AccountStatus.SUSPENDED) {
			return;
		}
		String token = this.tokens.issue(account.get().getId(), AccountTokens.Purpose.RESET_PASSWORD,
				this.settings.passwordResetTtl(), null);
		this.mails.passwordReset(account.get(), token, this.settings.passwordResetTtl());
		this.audit.byUser(SecurityEvent.PASSWORD_RESET_REQUESTED, true, account.get().getId(), Map.of());
	}

	/**
	 * Set a new password with a reset link, and end every session.
	 */
	@Transactional
	public void resetPassword(String token, String newPassword) {
		AccountTokens.Token redeemed = this.tokens.find(token, AccountTokens.Purpose.RESET_PASSWORD)
			.orElseThrow(() -> ApiException.validation("token",
					"This link is invalid, expired or already used; ask for a new one"));
		UserAccount account = find(new UserId(redeemed.userId()));
		this.policy.check("password", newPassword, account.getEmail(), account.getDisplayName());
		if (!this.tokens.consume(redeemed)) {
			throw ApiException.validation("token", "This link was already used");
		}
		// The link proved the email address is theirs.
		account.verifyEmail(this.clock.instant());
		setPassword(account, newPassword, SecurityEvent.PASSWORD_RESET);
	}

	/**
	 * Change the password knowing the current one, and end every session.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void changePassword(UserId userId, String currentPassword, String newPassword) {
		UserAccount account = find(userId);
		if (account.getPasswordHash() == null || !this.passwords.matches(currentPassword, account.getPasswordHash())) {
			this.audit.failed(SecurityEvent.PASSWORD_CHANGED, userId.value(), Map.of("reason", "wrong-password"));
			throw ApiException.validation("currentPassword", "The current password is not correct");
		}
		this.policy.check("newPassword", newPassword, account.getEmail(), account.getDisplayName());
		if (this.passwords.matches(newPassword, account.getPasswordHash())) {
			throw ApiException.validation("newPassword", "Choose a password different from the current one");
		}
		setPassword(account, newPassword, SecurityEvent.PASSWORD_CHANGED);
	}

	/**
	 * Start deleting the account: it can no longer sign in and every session ends. The
	 * data itself is removed by the compliance work.
	 */
	@CacheEvict(cacheNames = CacheNames.USER_PROFILES, key = "#userId.value()")
	@Transactional(noRollbackFor = ApiException.class)
	public void requestDeletion(UserId userId, String password) {
		UserAccount account = find(userId);
		if (account.getPasswordHash() != null
				&& (password == null || !this.passwords.matches(password, account.getPasswordHash()))) {
			this.audit.failed(SecurityEvent.DELETION_REQUESTED, userId.value(), Map.of("reason", "wrong-password"));
			throw ApiException.validation("password", "The password is not correct");
		}
		account.requestDeletion(this.clock.instant());
		this.signIn.logoutEverywhere(userId, "account-deletion");
		this.audit.succeeded(SecurityEvent.DELETION_REQUESTED, userId.value(), Map.of());
	}

	@Cacheable(cacheNames = CacheNames.USER_PROFILES, key = "#userId.value()")
	@Transactional(readOnly = true)
	public UserView profile(UserId userId) {
		UserAccount account = find(userId);
		return toView(account, this.profiles.find(account.getId()).orElse(null));
	}

	/**
	 * Change the profile fields that are present in {@code changes}.
	 * @param ifMatch the client's {@code If-Match}, checked against the current version
	 */
	@CacheEvict(cacheNames = CacheNames.USER_PROFILES, key = "#userId.value()")
	@Transactional
	public UserView updateProfile(UserId userId, ProfileChanges changes, String ifMatch) {
		UserAccount account = find(userId);
		ETags.checkIfMatch(ifMatch, account.getVersion());
		List<Object> before = List.of(account.getDisplayName(), account.getTimeZone(), account.getLocale(),
				account.getDayStartHour());
		if (changes.name() != null) {
			account.rename(changes.name());
		}
		if (changes.timeZone() != null) {
			account.moveTo(changes.timeZone());
		}
		if (changes.locale() != null) {
			account.speak(changes.locale());
		}
		if (changes.dayStartHour() != null) {
			account.startDaysAt(changes.dayStartHour());
		}
		ProfileStore.Profile current = this.profiles.find(account.getId()).orElse(ProfileStore.Profile.EMPTY);
		ProfileStore.Profile profile = new ProfileStore.Profile(
				(changes.avatarUrl() != null) ? emptyToNull(changes.avatarUrl()) : current.avatarUrl(),
				(changes.bio() != null) ? emptyToNull(changes.bio()) : current.bio(),
				(changes.coachingPreferences() != null) ? changes.coachingPreferences()
						: current.coachingPreferences());
		this.profiles.save(account.getId(), profile);
		boolean accountChanged = !before.equals(List.of(account.getDisplayName(), account.getTimeZone(),
				account.getLocale(), account.getDayStartHour()));
		announceCalendar(account, before.get(1), before.get(3));
		if (!accountChanged && !profile.equals(current)) {
			// The profile row has no version of its own: the account's version covers it.
			this.entityManager.lock(account, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		}
		this.entityManager.flush();
		return toView(account, profile);
	}

	/**
	 * Users an admin may see (everyone) or a coach may see (their clients).
	 */
	@Transactional(readOnly = true)
	public Page<UserView> search(UserId viewer, Role viewerRole, String text, Role role, String status,
			Pageable pageable) {
		String pattern = (text == null || text.isBlank()) ? null : "%"
				+ text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		AccountStatus accountStatus = (status != null) ? AccountStatus.valueOf(status.toUpperCase(Locale.ROOT)) : null;
		Page<UserAccount> page = (viewerRole == Role.ADMIN)
				? this.accounts.search(pattern, role, accountStatus, pageable)
				: this.accounts.searchAmong(clientsOf(viewer), pattern, role, accountStatus, pageable);
		return page.map((account) -> toView(account, null));
	}

	/**
	 * One user, if the viewer may see them; otherwise not found, so nothing leaks.
	 */
	@Transactional(readOnly = true)
	public UserView userFor(UserId viewer, Role viewerRole, UserId userId) {
		if (viewerRole != Role.ADMIN && !viewer.equals(userId) && !clientsOf(viewer).contains(userId.value())) {
			throw new NotFoundException("User", userId);
		}
		return profile(userId);
	}

	/**
	 * An admin opens an account for someone, who sets a password through the emailed
	 * link.
	 */
	@Transactional
	public UserView createByAdmin(AdminAccount account) {
		String email = UserAccount.normaliseEmail(account.email());
		if (this.accounts.existsByEmail(email)) {
			throw ApiException.conflict("An account with this email already exists");
		}
		UserAccount created = this.accounts.saveAndFlush(new UserAccount(UUID.randomUUID(), email, null, account.name(),
				account.role(), account.timeZone(), account.locale()));
		this.profiles.save(created.getId(), ProfileStore.Profile.EMPTY);
		String token = this.tokens.issue(created.getId(), AccountTokens.Purpose.RESET_PASSWORD,
				this.settings.emailVerificationTtl(), null);
		this.mails.invitation(created, token, this.settings.emailVerificationTtl());
		this.audit.succeeded(SecurityEvent.ACCOUNT_CREATED_BY_ADMIN, created.getId(),
				Map.of("role", account.role().value()));
		return toView(created, ProfileStore.Profile.EMPTY);
	}

	/**
	 * An admin changes an account: name, zone, locale, role and status. A role change or
	 * suspension ends the user's sessions, so their tokens stop carrying the old rights.
	 */
	@CacheEvict(cacheNames = CacheNames.USER_PROFILES, key = "#userId.value()")
	@Transactional
	public UserView updateByAdmin(UserId admin, UserId userId, AdminChanges changes, String ifMatch) {
		UserAccount account = find(userId);
		ETags.checkIfMatch(ifMatch, account.getVersion());
		Object zoneBefore = account.getTimeZone();
		account.rename(changes.name());
		account.moveTo(changes.timeZone());
		account.speak(changes.locale());
		announceCalendar(account, zoneBefore, account.getDayStartHour());
		if (changes.role() != account.getRole()) {
			requireAnotherAdmin(admin, account, "change the role of");
			Role previous = account.getRole();
			account.changeRole(changes.role());
			this.signIn.logoutEverywhere(userId, "role-changed");
			this.audit.succeeded(SecurityEvent.ROLE_CHANGED, userId.value(),
					Map.of("from", previous.value(), "to", changes.role().value()));
		}
		if (changes.status() != account.getStatus()) {
			changeStatus(admin, account, changes.status());
		}
		this.audit.succeeded(SecurityEvent.ACCOUNT_UPDATED, userId.value(), Map.of());
		this.accounts.saveAndFlush(account);
		return toView(account, this.profiles.find(account.getId()).orElse(null));
	}

	@CacheEvict(cacheNames = CacheNames.USER_PROFILES, key = "#userId.value()")
	@Transactional
	public UserView setStatus(UserId admin, UserId userId, AccountStatus status) {
		UserAccount account = find(userId);
		changeStatus(admin, account, status);
		this.accounts.saveAndFlush(account);
		return toView(account, this.profiles.find(account.getId()).orElse(null));
	}

	@Transactional(readOnly = true)
	public boolean exists(String email) {
		return this.accounts.existsByEmail(UserAccount.normaliseEmail(email));
	}

	/**
	 * The account with this email address, if any (coaching invitations and requests).
	 */
	@Transactional(readOnly = true)
	public Optional<UserView> findByEmail(String email) {
		return this.accounts.findByEmail(UserAccount.normaliseEmail(email)).map((account) -> toView(account, null));
	}

	/**
	 * The time zones active accounts live in: scheduled mail (the weekly digest) picks
	 * the zones where it is the hour to send, then the accounts in them.
	 */
	@Transactional(readOnly = true)
	public List<ZoneId> activeTimeZones() {
		return this.accounts.findTimeZonesByStatus(AccountStatus.ACTIVE).stream().map(ZoneId::of).toList();
	}

	/**
	 * Active accounts whose home zone is one of these, a slice at a time.
	 */
	@Transactional(readOnly = true)
	public Slice<UserView> activeUsersIn(Collection<ZoneId> timeZones, Pageable pageable) {
		List<String> zones = timeZones.stream().map(ZoneId::getId).toList();
		return this.accounts.findByStatusAndTimeZoneIn(AccountStatus.ACTIVE, zones, pageable)
			.map((account) -> toView(account, null));
	}

	/**
	 * The ids of active accounts after {@code after} (all when {@code null}), at most
	 * {@code limit}, in a stable order: for jobs that reach every user in batches (system
	 * announcements).
	 */
	@Transactional(readOnly = true)
	public List<UUID> activeUserIds(UUID after, int limit) {
		PageRequest page = PageRequest.of(0, limit);
		return (after != null) ? this.accounts.idsAfter(AccountStatus.ACTIVE, after, page)
				: this.accounts.ids(AccountStatus.ACTIVE, page);
	}

	private void changeStatus(UserId admin, UserAccount account, AccountStatus status) {
		if (status == account.getStatus()) {
			return;
		}
		UserId userId = new UserId(account.getId());
		switch (status) {
			case ACTIVE -> {
				account.reactivate();
				this.audit.succeeded(SecurityEvent.ACCOUNT_REACTIVATED, account.getId(), Map.of());
			}
			case SUSPENDED -> {
				requireAnotherAdmin(admin, account, "suspend");
				account.suspend();
				this.signIn.logoutEverywhere(userId, "suspended");
				this.audit.succeeded(SecurityEvent.ACCOUNT_SUSPENDED, account.getId(), Map.of());
			}
			case PENDING_DELETION -> {
				requireAnotherAdmin(admin, account, "delete");
				account.requestDeletion(this.clock.instant());
				this.signIn.logoutEverywhere(userId, "account-deletion");
				this.audit.succeeded(SecurityEvent.DELETION_REQUESTED, account.getId(), Map.of("by", "admin"));
			}
		}
	}

	private void announceCalendar(UserAccount account, Object zoneBefore, Object dayStartBefore) {
		if (!zoneBefore.equals(account.getTimeZone()) || !dayStartBefore.equals(account.getDayStartHour())) {
			this.events.publishEvent(new UserCalendarChanged(account.getId(),
					new UserCalendar(ZoneId.of(account.getTimeZone()), account.getDayStartHour())));
		}
	}

	// An admin cannot lock themselves out, and the last active admin stays an admin.
	private void requireAnotherAdmin(UserId admin, UserAccount account, String action) {
		if (admin.value().equals(account.getId())) {
			throw ApiException.conflict("You cannot " + action + " your own account here");
		}
		if (account.getRole() == Role.ADMIN && account.isActive()
				&& this.accounts.countByRoleAndStatus(Role.ADMIN, AccountStatus.ACTIVE) <= 1) {
			throw ApiException.conflict("This is the last active admin");
		}
	}

	private void setPassword(UserAccount account, String newPassword, SecurityEvent event) {
		account.changePassword(this.passwords.encode(newPassword), this.clock.instant());
		this.tokens.revokeAll(account.getId(), AccountTokens.Purpose.RESET_PASSWORD);
		this.signIn.logoutEverywhere(new UserId(account.getId()), event.name().toLowerCase(Locale.ROOT));
		this.audit.byUser(event, true, account.getId(), Map.of());
		this.mails.passwordChanged(account);
	}

	private void sendVerification(UserAccount account) {
		String token = this.tokens.issue(account.getId(), AccountTokens.Purpose.VERIFY_EMAIL,
				this.settings.emailVerificationTtl(), account.getEmail());
		this.mails.verification(account, token, this.settings.emailVerificationTtl());
	}

	private Set<UUID> clientsOf(UserId coach) {
		CoachingRelationships relationships = this.coaching.getIfAvailable();
		return (relationships != null) ? relationships.clientsOf(coach) : Set.of();
	}

	private UserAccount find(UserId userId) {
		return this.accounts.findById(userId.value()).orElseThrow(() -> new NotFoundException("User", userId));
	}

	private UserAccount newAccount(NewAccount account, String email) {
		return new UserAccount(UUID.randomUUID(), email, this.passwords.encode(account.password()), account.name(),
				account.role(), account.timeZone(), account.locale());
	}

	private static String emptyToNull(String text) {
		return text.isBlank() ? null : text.strip();
	}

	static UserView toView(UserAccount account, ProfileStore.Profile profile) {
		ProfileStore.Profile shown = (profile != null) ? profile : ProfileStore.Profile.EMPTY;
		return new UserView(account.getId(), account.getEmail(), account.getDisplayName(), account.getRole().value(),
				account.getStatus().name().toLowerCase(Locale.ROOT), account.getTimeZone(), account.getLocale(),
				account.getDayStartHour(), account.isEmailVerified(), shown.avatarUrl(), shown.bio(),
				shown.coachingPreferences(), account.getCreatedAt(), account.getUpdatedAt(), account.getVersion());
	}

	/**
	 * What it takes to open an account.
	 *
	 * @param email the email address
	 * @param password the raw password
	 * @param name the display name
	 * @param role the role
	 * @param timeZone the home time zone
	 * @param locale the preferred locale
	 */
	public record NewAccount(String email, String password, String name, Role role, ZoneId timeZone, Locale locale) {
	}

	/**
	 * An account an admin opens.
	 *
	 * @param email the email address
	 * @param name the display name
	 * @param role the role
	 * @param timeZone the home time zone
	 * @param locale the preferred locale
	 */
	public record AdminAccount(String email, String name, Role role, ZoneId timeZone, Locale locale) {
	}

	/**
	 * Every field an admin sets on an account.
	 *
	 * @param name the display name
	 * @param role the role
	 * @param status the status
	 * @param timeZone the home time zone
	 * @param locale the preferred locale
	 */
	public record AdminChanges(String name, Role role, AccountStatus status, ZoneId timeZone, Locale locale) {
	}

	/**
	 * Profile fields to change; {@code null} leaves a field as it is, an empty text
	 * clears it.
	 *
	 * @param name the display name
	 * @param timeZone the home time zone
	 * @param locale the preferred locale
	 * @param avatarUrl the picture
	 * @param bio a few words about the person
	 * @param coachingPreferences how they like to be coached
	 * @param dayStartHour the hour (0–6) at which the user's day starts
	 */
	public record ProfileChanges(String name, ZoneId timeZone, Locale locale, String avatarUrl, String bio,
			CoachingPreferences coachingPreferences, Integer dayStartHour) {
	}

}
