package com.upcoach.identity.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.ClientInfo;
import com.upcoach.identity.SignIn;
import com.upcoach.platform.api.ApiException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the pages: password, then the second factor when the account has one.
 * Both go through {@link SignIn}, so waits after failed attempts, second factors and
 * trusted devices work as for the API.
 */
@Controller
class SignInPageController {

	static final String TRUSTED_DEVICE_COOKIE = "UPCOACH_TRUSTED_DEVICE";

	private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final SignIn signIn;

	private final PageAuthentication pages;

	private final boolean secureCookies;

	private final Clock clock;

	SignInPageController(SignIn signIn, PageAuthentication pages,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies, Clock clock) {
		this.signIn = signIn;
		this.pages = pages;
		this.secureCookies = secureCookies;
		this.clock = clock;
	}

	@GetMapping("/login")
	String signInPage(Authentication authentication, @RequestParam(required = false) String signedOut,
			@RequestParam(required = false) String expired, Model model) {
		if (authentication != null && !trustResolver.isAnonymous(authentication)) {
			return "redirect:" + PageAuthentication.HOME;
		}
		if (signedOut != null) {
			model.addAttribute("notice", "You are signed out.");
		}
		if (expired != null) {
			model.addAttribute("notice", "Your session has ended. Please sign in again.");
		}
		model.addAttribute("form", new SignInForm(null, null));
		return "identity/sign-in";
	}

	@PostMapping("/login")
	String signIn(@Valid @ModelAttribute("form") SignInForm form, BindingResult result,
			@CookieValue(name = TRUSTED_DEVICE_COOKIE, required = false) String trustToken, HttpServletRequest request,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "identity/sign-in";
		}
		try {
			SignIn.SignInResult outcome = this.signIn.withPassword(form.email(), form.password(),
					ClientInfo.of(request, null, null), trustToken);
			if (outcome.tokens() == null) {
				request.getSession().setAttribute(PageAuthentication.PENDING_MFA_TOKEN, outcome.challenge().mfaToken());
				return "redirect:/login/2fa";
			}
			return "redirect:" + this.pages.signIn(outcome.tokens(), request, response);
		}
		catch (ApiException ex) {
			PageErrors.show(ex, result);
			response.setStatus(ex.code().status().value());
			return "identity/sign-in";
		}
	}

	@GetMapping("/login/2fa")
	String secondFactorPage(HttpServletRequest request, Model model) {
		if (PageAuthentication.pendingMfaToken(request) == null) {
			return "redirect:/login";
		}
		model.addAttribute("form", new SecondFactorForm(null, null, false));
		return "identity/sign-in-2fa";
	}

	@PostMapping("/login/2fa")
	String secondFactor(@Valid @ModelAttribute("form") SecondFactorForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response) {
		String challenge = PageAuthentication.pendingMfaToken(request);
		if (challenge == null) {
			return "redirect:/login";
		}
		if (!result.hasErrors() && form.code() == null && form.recoveryCode() == null) {
			result.rejectValue("code", "Required", "Enter the 6-digit code from your authenticator app");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "identity/sign-in-2fa";
		}
		try {
			SignIn.Tokens tokens = this.signIn.withSecondFactor(challenge,
					(form.recoveryCode() == null) ? form.code() : null, form.recoveryCode(), form.rememberDevice(),
					ClientInfo.of(request, null, null));
			if (tokens.trustedDeviceToken() != null) {
				response.addHeader(HttpHeaders.SET_COOKIE, trustCookie(tokens).toString());
			}
			return "redirect:" + this.pages.signIn(tokens, request, response);
		}
		catch (ApiException ex) {
			result.rejectValue((form.recoveryCode() != null) ? "recoveryCode" : "code", ex.code().name(),
					ex.getMessage());
			response.setStatus(ex.code().status().value());
			return "identity/sign-in-2fa";
		}
	}

	// Sent only to the sign-in pages, which hand it to SignIn to skip the second factor.
	private ResponseCookie trustCookie(SignIn.Tokens tokens) {
		return ResponseCookie.from(TRUSTED_DEVICE_COOKIE, tokens.trustedDeviceToken())
			.httpOnly(true)
			.secure(this.secureCookies)
			.sameSite("Lax")
			.path("/login")
			.maxAge(Duration.between(this.clock.instant(), tokens.trustedUntil()))
			.build();
	}

	record SignInForm(
			@NotBlank(message = "Enter your email address") @Email(
					message = "Enter an email address like name@example.com") @Size(max = 320) String email,
			@NotBlank(message = "Enter your password") @Size(max = 1024) String password) {

		SignInForm {
			email = (email != null) ? email.strip() : null;
		}

	}

	record SecondFactorForm(@Pattern(regexp = "\\d{6}", message = "Enter the 6-digit code") String code,
			@Size(max = 32) String recoveryCode, Boolean rememberDevice) {

		SecondFactorForm {
			code = blankToNull((code != null) ? code.replace(" ", "") : null);
			recoveryCode = blankToNull(recoveryCode);
			rememberDevice = Boolean.TRUE.equals(rememberDevice);
		}

		private static String blankToNull(String text) {
			return (text == null || text.isBlank()) ? null : text.strip();
		}

	}

}
