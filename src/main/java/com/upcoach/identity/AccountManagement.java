package com.upcoach.identity;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.upcoach.identity.domain.AccountStatus;
import com.upcoach.identity.domain.UserAccount;
import com.upcoach.identity.domain.UserAccountRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.cache.CacheNames;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's API: accounts, sign-in and profiles.
 */
@Service
public class AccountManagement {

	// Compared against when the email is unknown, so a miss costs as much as a wrong
	// password.
	private final String unknownUserHash;

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwords;

	private final AccessTokens tokens;

	AccountManagement(UserAccountRepository accounts, PasswordEncoder passwords, AccessTokens tokens) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.tokens = tokens;
		this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
	}

	@Transactional
	public UserView createAccount(NewAccount account) {
		String email = UserAccount.normaliseEmail(account.email());
		if (this.accounts.existsByEmail(email)) {
			throw ApiException.conflict("An account with this email already exists");
		}
		UserAccount created = new UserAccount(UUID.randomUUID(), email, this.passwords.encode(account.password()),
				account.name(), account.role(), account.timeZone(), account.locale());
		return toView(this.accounts.save(created));
	}

	/**
	 * Check credentials and issue an access token. Unknown email, wrong password and a
	 * suspended account all answer the same, so sign-in reveals nothing about accounts.
	 */
	@Transactional(readOnly = true)
	public SignedIn signIn(String email, String password) {
		Optional<UserAccount> account = this.accounts.findByEmail(UserAccount.normaliseEmail(email));
		String hash = account.map(UserAccount::getPasswordHash).orElse(this.unknownUserHash);
		boolean matches = this.passwords.matches(password, hash);
		if (account.isEmpty() || !matches || !account.get().isActive()) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, "Invalid email or password");
		}
		UserAccount user = account.get();
		AccessTokens.IssuedToken token = this.tokens.issue(new UserId(user.getId()), user.getEmail(), user.getRole(),
				RolePermissions.of(user.getRole()));
		return new SignedIn(token.value(), token.expiresInSeconds(), toView(user));
	}

	@Cacheable(cacheNames = CacheNames.USER_PROFILES, key = "#userId.value()")
	@Transactional(readOnly = true)
	public UserView profile(UserId userId) {
		return this.accounts.findById(userId.value())
			.map(AccountManagement::toView)
			.orElseThrow(() -> new NotFoundException("User", userId));
	}

	/**
	 * Change the profile fields that are present in {@code changes}.
	 * @param ifMatch the client's {@code If-Match}, checked against the current version
	 */
	@CacheEvict(cacheNames = CacheNames.USER_PROFILES, key = "#userId.value()")
	@Transactional
	public UserView updateProfile(UserId userId, ProfileChanges changes, String ifMatch) {
		UserAccount account = this.accounts.findById(userId.value())
			.orElseThrow(() -> new NotFoundException("User", userId));
		ETags.checkIfMatch(ifMatch, account.getVersion());
		if (changes.name() != null) {
			account.rename(changes.name());
		}
		if (changes.timeZone() != null) {
			account.moveTo(changes.timeZone());
		}
		if (changes.locale() != null) {
			account.speak(changes.locale());
		}
		return toView(this.accounts.saveAndFlush(account));
	}

	@Transactional(readOnly = true)
	public Page<UserView> search(String text, Role role, String status, Pageable pageable) {
		String pattern = (text == null || text.isBlank()) ? null : "%"
				+ text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		AccountStatus accountStatus = (status != null) ? AccountStatus.valueOf(status.toUpperCase(Locale.ROOT)) : null;
		return this.accounts.search(pattern, role, accountStatus, pageable).map(AccountManagement::toView);
	}

	@Transactional(readOnly = true)
	public boolean exists(String email) {
		return this.accounts.existsByEmail(UserAccount.normaliseEmail(email));
	}

	static UserView toView(UserAccount account) {
		return new UserView(account.getId(), account.getEmail(), account.getDisplayName(), account.getRole().value(),
				account.getStatus().name().toLowerCase(Locale.ROOT), account.getTimeZone(), account.getLocale(),
				account.getCreatedAt(), account.getUpdatedAt(), account.getVersion());
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
	 * Profile fields to change; {@code null} leaves a field as it is.
	 *
	 * @param name the display name
	 * @param timeZone the home time zone
	 * @param locale the preferred locale
	 */
	public record ProfileChanges(String name, ZoneId timeZone, Locale locale) {
	}

	/**
	 * A successful sign-in.
	 *
	 * @param accessToken the bearer token
	 * @param expiresIn its lifetime in seconds
	 * @param user the account
	 */
	public record SignedIn(String accessToken, long expiresIn, UserView user) {
	}

}
