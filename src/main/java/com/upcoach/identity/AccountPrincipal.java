package com.upcoach.identity;

import java.util.Collection;
import java.util.List;

import com.upcoach.identity.domain.UserAccount;
import com.upcoach.platform.security.AuthenticatedUser;
import com.upcoach.shared.UserId;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user of a page session.
 */
record AccountPrincipal(UserId userId, String email, String passwordHash, String role,
		boolean active) implements UserDetails, AuthenticatedUser {

	static AccountPrincipal of(UserAccount account) {
		return new AccountPrincipal(new UserId(account.getId()), account.getEmail(), account.getPasswordHash(),
				account.getRole().authority(), account.isActive());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + this.userId + "]";
	}

}
