package com.upcoach.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page with both passkey fragments and an empty model, standing in for the sign-in and
 * security pages that include them.
 */
@Controller
class PasskeyFragmentsProbeController {

	@GetMapping("/account/probe/passkeys")
	String page() {
		return "test/passkeys-probe";
	}

}
