package com.upcoach.identity.web;

import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.ratelimit.RateLimit;
import com.upcoach.platform.ratelimit.RateLimitType;
import com.upcoach.shared.Role;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening an account and confirming its email address from the emailed link.
 */
@Controller
class SignUpPageController {

	private final AccountManagement accounts;

	SignUpPageController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/signup")
	String signUpPage(Model model) {
		model.addAttribute("form", new SignUpForm(null, null, null));
		return "identity/sign-up";
	}

	// Each sign-up sends an email: limited like the API's registration.
	@PostMapping("/signup")
	@RateLimit(RateLimitType.AUTHENTICATION)
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, HttpServletResponse response,
			Model model) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "identity/sign-up";
		}
		try {
			this.accounts.register(new AccountManagement.NewAccount(form.email(), form.password(), form.name(),
					Role.USER, ZoneOffset.UTC, Locale.ENGLISH));
		}
		catch (ApiException ex) {
			PageErrors.show(ex, result);
			response.setStatus(ex.code().status().value());
			return "identity/sign-up";
		}
		model.addAttribute("email", form.email());
		return "identity/sign-up-done";
	}

	/**
	 * The emailed link opens a page with a button rather than verifying at once, so mail
	 * scanners that follow links do not use it up.
	 */
	@GetMapping("/verify-email")
	String verifyEmailPage(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		return "identity/verify-email";
	}

	@PostMapping("/verify-email")
	String verifyEmail(@RequestParam(required = false) String token, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		try {
			this.accounts.verifyEmail((token != null) ? token : "");
		}
		catch (ApiException ex) {
			model.addAttribute("token", token);
			model.addAttribute("error", ex.details().isEmpty() ? ex.getMessage() : ex.details().get(0).message());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "identity/verify-email";
		}
		redirect.addFlashAttribute("notice", "Your email address is confirmed.");
		return "redirect:/login";
	}

	record SignUpForm(
			@NotBlank(message = "Enter your name") @Size(max = 120) @Pattern(regexp = ".*\\S.*",
					message = "Enter your name") String name,
			@NotBlank(message = "Enter your email address") @Email(
					message = "Enter an email address like name@example.com") @Size(max = 320) String email,
			@NotBlank(message = "Choose a password") @Size(max = 1024) String password) {

		SignUpForm {
			email = (email != null) ? email.strip() : null;
		}

	}

}
