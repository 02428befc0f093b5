package com.upcoach.identity;

import com.upcoach.identity.domain.UserAccount;
import com.upcoach.identity.domain.UserAccountRepository;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the same accounts sign in to the server-rendered pages.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	AccountUserDetailsService(UserAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByEmail(UserAccount.normaliseEmail(username))
			.map(AccountPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
	}

}
