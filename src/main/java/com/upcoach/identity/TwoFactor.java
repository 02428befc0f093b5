package com.upcoach.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import com.upcoach.identity.domain.UserAccount;
import com.upcoach.identity.domain.UserAccountRepository;
import com.upcoach.identity.mfa.QrCodes;
import com.upcoach.identity.mfa.RecoveryCodes;
import com.upcoach.identity.mfa.TotpCodes;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.security.SecretCipher;
import com.upcoach.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.upcoach.identity.AccountTokens.utc;

/**
 * Time-based one-time passwords (RFC 6238) and recovery codes (spec: two_factor_secrets).
 * The TOTP secret is encrypted at rest; recovery codes are kept as hashes; each code
 * works once.
 */
@Service
public class TwoFactor {

	private static final String ISSUER = "UpCoach";

	private final JdbcClient jdbc;

	private final TotpCodes totp;

	private final RecoveryCodes recoveryCodes;

	private final QrCodes qrCodes;

	private final SecretCipher cipher;

	private final UserAccountRepository accounts;

	private final SessionStore sessions;

	private final SecurityMails mails;

	private final SecurityAudit audit;

	private final PasskeyStore passkeys;

	private final Clock clock;

	TwoFactor(JdbcClient jdbc, TotpCodes totp, RecoveryCodes recoveryCodes, QrCodes qrCodes, SecretCipher cipher,
			UserAccountRepository accounts, SessionStore sessions, SecurityMails mails, SecurityAudit audit,
			PasskeyStore passkeys, Clock clock) {
		this.jdbc = jdbc;
		this.totp = totp;
		this.recoveryCodes = recoveryCodes;
		this.qrCodes = qrCodes;
		this.cipher = cipher;
		this.accounts = accounts;
		this.sessions = sessions;
		this.mails = mails;
		this.audit = audit;
		this.passkeys = passkeys;
		this.clock = clock;
	}

	/**
	 * Start setting up an authenticator: a new secret, not yet in force until
	 * {@link #enable} confirms a code from it.
	 */
	@Transactional
	public TotpSetup setup(UserId userId) {
		UserAccount account = account(userId);
		if (isEnabled(userId.value())) {
			throw ApiException.conflict("Two-step verification is already on; turn it off first to change the app");
		}
		String secret = this.totp.newSecret();
		this.jdbc.sql("DELETE FROM two_factor_secrets WHERE user_id = :userId")
			.param("userId", userId.value())
			.update();
		this.jdbc
			.sql("INSERT INTO two_factor_secrets (user_id, secret_encrypted, last_used_step, created_at) "
					+ "VALUES (:userId, :secret, -1, :now)")
			.param("userId", userId.value())
			.param("secret", this.cipher.encrypt(secret))
			.param("now", utc(this.clock.instant()))
			.update();
		String uri = this.totp.otpauthUri(ISSUER, account.getEmail(), secret);
		return new TotpSetup(secret, uri, this.qrCodes.dataUri(uri));
	}

	/**
	 * Put the authenticator set up last into force with a code from it.
	 * @return ten single-use recovery codes, shown this once
	 */
	@Transactional
	public List<String> enable(UserId userId, String code) {
		Secret secret = secret(userId.value()).orElseThrow(
				() -> ApiException.conflict("Set up an authenticator app first (POST /api/v1/auth/2fa/totp/setup)"));
		if (secret.enabled()) {
			throw ApiException.conflict("Two-step verification is already on");
		}
		if (!accept(userId.value(), secret, code)) {
			this.audit.failed(SecurityEvent.TOTP_ENABLED, userId.value(), Map.of("reason", "wrong-code"));
			throw ApiException.validation("code", "The code is not valid; check the time on your phone");
		}
		this.jdbc.sql("UPDATE two_factor_secrets SET enabled_at = :now WHERE user_id = :userId")
			.param("now", utc(this.clock.instant()))
			.param("userId", userId.value())
			.update();
		List<String> codes = replaceRecoveryCodes(userId.value());
		this.audit.succeeded(SecurityEvent.TOTP_ENABLED, userId.value(), Map.of());
		this.mails.securityChange(account(userId), "Two-step verification was turned on");
		return codes;
	}

	/**
	 * Turn two-step verification off with a current code, and forget trusted devices.
	 */
	@Transactional
	public void disable(UserId userId, String code) {
		requireCode(userId, code, SecurityEvent.TOTP_DISABLED);
		this.jdbc.sql("DELETE FROM two_factor_secrets WHERE user_id = :userId")
			.param("userId", userId.value())
			.update();
		this.jdbc.sql("DELETE FROM recovery_codes WHERE user_id = :userId").param("userId", userId.value()).update();
		this.sessions.untrustAll(userId.value());
		this.audit.succeeded(SecurityEvent.TOTP_DISABLED, userId.value(), Map.of());
		this.mails.securityChange(account(userId), "Two-step verification was turned off");
	}

	@Transactional
	public List<String> regenerateRecoveryCodes(UserId userId, String code) {
		requireCode(userId, code, SecurityEvent.RECOVERY_CODES_REGENERATED);
		List<String> codes = replaceRecoveryCodes(userId.value());
		this.audit.succeeded(SecurityEvent.RECOVERY_CODES_REGENERATED, userId.value(), Map.of());
		return codes;
	}

	@Transactional(readOnly = true)
	public TwoFactorStatus status(UserId userId) {
		Optional<Secret> secret = secret(userId.value()).filter(Secret::enabled);
		long left = this.jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = :userId AND used_at IS NULL")
			.param("userId", userId.value())
			.query(Long.class)
			.single();
		return new TwoFactorStatus(secret.isPresent(), secret.map(Secret::enabledAt).orElse(null),
				secret.isPresent() ? left : 0);
	}

	boolean isEnabled(UUID userId) {
		return secret(userId).filter(Secret::enabled).isPresent();
	}

	List<String> methods(UUID userId) {
		return this.passkeys.hasAny(userId) ? List.of("totp", "recovery_code", "webauthn")
				: List.of("totp", "recovery_code");
	}

	/**
	 * Check a TOTP code of an enabled authenticator; a code works once.
	 */
	boolean verifyCode(UUID userId, String code) {
		return secret(userId).filter(Secret::enabled).map((secret) -> accept(userId, secret, code)).orElse(false);
	}

	boolean useRecoveryCode(UUID userId, String code) {
		List<StoredCode> unused = this.jdbc
			.sql("SELECT id, code_hash FROM recovery_codes WHERE user_id = :userId AND used_at IS NULL")
			.param("userId", userId)
			.query((rs, row) -> new StoredCode(rs.getObject("id", UUID.class), rs.getString("code_hash")))
			.list();
		for (StoredCode stored : unused) {
			if (this.recoveryCodes.matches(code, stored.hash())
					&& this.jdbc.sql("UPDATE recovery_codes SET used_at = :now WHERE id = :id AND used_at IS NULL")
						.param("now", utc(this.clock.instant()))
						.param("id", stored.id())
						.update() == 1) {
				this.audit.byUser(SecurityEvent.RECOVERY_CODE_USED, true, userId, Map.of("left", unused.size() - 1));
				return true;
			}
		}
		return false;
	}

	private void requireCode(UserId userId, String code, SecurityEvent event) {
		Secret secret = secret(userId.value()).filter(Secret::enabled)
			.orElseThrow(() -> ApiException.conflict("Two-step verification is not on"));
		if (!accept(userId.value(), secret, code)) {
			this.audit.failed(event, userId.value(), Map.of("reason", "wrong-code"));
			throw ApiException.validation("code", "The code is not valid");
		}
	}

	// Records the step a code was accepted for, so the same code cannot be used again;
	// the conditional update settles two concurrent uses.
	private boolean accept(UUID userId, Secret secret, String code) {
		OptionalLong step = this.totp.verify(this.cipher.decrypt(secret.encrypted()), code, secret.lastUsedStep());
		return step.isPresent() && this.jdbc
			.sql("UPDATE two_factor_secrets SET last_used_step = :step WHERE user_id = :userId "
					+ "AND last_used_step < :step")
			.param("step", step.getAsLong())
			.param("userId", userId)
			.update() == 1;
	}

	private List<String> replaceRecoveryCodes(UUID userId) {
		this.jdbc.sql("DELETE FROM recovery_codes WHERE user_id = :userId").param("userId", userId).update();
		List<String> codes = new ArrayList<>(this.recoveryCodes.generate());
		for (String code : codes) {
			this.jdbc.sql("INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (:id, :userId, :hash)")
				.param("id", UUID.randomUUID())
				.param("userId", userId)
				.param("hash", this.recoveryCodes.hash(code))
				.update();
		}
		return List.copyOf(codes);
	}

	private Optional<Secret> secret(UUID userId) {
		return this.jdbc
			.sql("SELECT secret_encrypted, enabled_at, last_used_step FROM two_factor_secrets WHERE user_id = :userId")
			.param("userId", userId)
			.query((rs, row) -> {
				OffsetDateTime enabledAt = rs.getObject("enabled_at", OffsetDateTime.class);
				return new Secret(rs.getString("secret_encrypted"), (enabledAt != null) ? enabledAt.toInstant() : null,
						rs.getLong("last_used_step"));
			})
			.optional();
	}

	private UserAccount account(UserId userId) {
		return this.accounts.findById(userId.value()).orElseThrow(() -> new NotFoundException("User", userId));
	}

	private record Secret(String encrypted, Instant enabledAt, long lastUsedStep) {

		boolean enabled() {
			return this.enabledAt != null;
		}

	}

	private record StoredCode(UUID id, String hash) {
	}

	/**
	 * A new authenticator to scan.
	 *
	 * @param secret the Base32 secret, for typing in by hand
	 * @param otpauthUri the {@code otpauth://} URI the QR code holds
	 * @param qrCode a PNG data URI of the QR code
	 */
	public record TotpSetup(String secret, String otpauthUri, String qrCode) {
	}

	/**
	 * Whether two-step verification is on.
	 *
	 * @param totpEnabled whether an authenticator app is in force
	 * @param enabledAt since when
	 * @param recoveryCodesLeft unused recovery codes
	 */
	public record TwoFactorStatus(boolean totpEnabled, Instant enabledAt, long recoveryCodesLeft) {
	}

}
