package com.upcoach.identity.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.upcoach.platform.persistence.AuditedEntity;
import com.upcoach.shared.Role;

@Entity
@Table(name = "users")
public class UserAccount extends AuditedEntity {

	@Column(nullable = false, length = 320)
	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "display_name", nullable = false, length = 120)
	private String displayName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private Role role;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private AccountStatus status;

	@Column(name = "time_zone", nullable = false, length = 64)
	private String timeZone;

	@Column(nullable = false, length = 35)
	private String locale;

	@Column(name = "day_start_hour", nullable = false)
	private int dayStartHour;

	@Column(name = "email_verified_at")
	private Instant emailVerifiedAt;

	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	@Column(name = "deletion_requested_at")
	private Instant deletionRequestedAt;

	protected UserAccount() {
	}

	public UserAccount(UUID id, String email, String passwordHash, String displayName, Role role, ZoneId timeZone,
			Locale locale) {
		super(id);
		this.email = normaliseEmail(email);
		this.passwordHash = passwordHash;
		this.displayName = displayName.strip();
		this.role = role;
		this.status = AccountStatus.ACTIVE;
		this.timeZone = timeZone.getId();
		this.locale = locale.toLanguageTag();
	}

	public static String normaliseEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	public void rename(String displayName) {
		this.displayName = displayName.strip();
	}

	public void moveTo(ZoneId timeZone) {
		this.timeZone = timeZone.getId();
	}

	/**
	 * Let the day end later than midnight: a night owl's check-in at 01:30 still counts
	 * for the evening before when the day starts at 03:00.
	 */
	public void startDaysAt(int hour) {
		this.dayStartHour = hour;
	}

	public int getDayStartHour() {
		return this.dayStartHour;
	}

	public void speak(Locale locale) {
		this.locale = locale.toLanguageTag();
	}

	public void verifyEmail(Instant at) {
		if (this.emailVerifiedAt == null) {
			this.emailVerifiedAt = at;
		}
	}

	public void changePassword(String passwordHash, Instant at) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = at;
	}

	/**
	 * Replace the hash of the same password, e.g. with a stronger algorithm; not a
	 * password change.
	 */
	public void rehashPassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public void changeRole(Role role) {
		this.role = role;
	}

	public void suspend() {
		this.status = AccountStatus.SUSPENDED;
	}

	public void reactivate() {
		this.status = AccountStatus.ACTIVE;
		this.deletionRequestedAt = null;
	}

	public void requestDeletion(Instant at) {
		this.status = AccountStatus.PENDING_DELETION;
		this.deletionRequestedAt = at;
	}

	public boolean isEmailVerified() {
		return this.emailVerifiedAt != null;
	}

	public Instant getDeletionRequestedAt() {
		return this.deletionRequestedAt;
	}

	public boolean isActive() {
		return this.status == AccountStatus.ACTIVE;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public Role getRole() {
		return this.role;
	}

	public AccountStatus getStatus() {
		return this.status;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public String getLocale() {
		return this.locale;
	}

}
