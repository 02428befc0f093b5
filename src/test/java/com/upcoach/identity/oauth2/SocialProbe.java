package com.upcoach.identity.oauth2;

import jakarta.servlet.http.HttpSession;

import com.upcoach.identity.web.PageAuthentication;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A test-only page that shows the page session (its principal and a pending second-factor
 * challenge) and includes the social fragments, as the real pages do. Open to anyone, so
 * it also shows what a signed-out visitor sees.
 */
@Controller
class SocialProbe {

	@GetMapping("/test/social")
	String probe(Model model, HttpSession session) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Object principal = (authentication != null && !(authentication instanceof AnonymousAuthenticationToken))
				? authentication.getPrincipal() : null;
		model.addAttribute("principalType", (principal != null) ? principal.getClass().getSimpleName() : "none");
		model.addAttribute("principal", String.valueOf(principal));
		model.addAttribute("pendingMfaToken", session.getAttribute(PageAuthentication.PENDING_MFA_TOKEN));
		return "test/social-probe";
	}

	@Configuration(proxyBeanMethods = false)
	static class ProbeSecurity {

		@Bean
		@Order(0)
		SecurityFilterChain socialProbeChain(HttpSecurity http) throws Exception {
			http.securityMatcher("/test/social").authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

}
