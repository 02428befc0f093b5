package com.upcoach.identity.web;

import java.util.List;

import com.upcoach.identity.PasskeyView;
import com.upcoach.identity.Passkeys;
import com.upcoach.platform.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * What the passkey fragments ({@code identity/fragments/passkeys}) show, so a page that
 * includes them needs to put nothing in its model: {@code ${@passkeyPages.mine()}}.
 */
@Component("passkeyPages")
class PasskeyPages {

	private final Passkeys passkeys;

	PasskeyPages(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	/**
	 * @return the signed-in user's passkeys, none when nobody is signed in
	 */
	public List<PasskeyView> mine() {
		return CurrentUser.id().map(this.passkeys::passkeys).orElse(List.of());
	}

}
