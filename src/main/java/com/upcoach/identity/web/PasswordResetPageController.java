package com.upcoach.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.ratelimit.RateLimit;
import com.upcoach.platform.ratelimit.RateLimitType;

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
 * Asking for a reset link and choosing a new password with it.
 */
@Controller
class PasswordResetPageController {

	private final AccountManagement accounts;

	PasswordResetPageController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/forgot-password")
	String forgotPasswordPage(Model model) {
		model.addAttribute("form", new ForgotPasswordForm(null));
		return "identity/forgot-password";
	}

	/**
	 * The answer is the same whether or not the email belongs to an account. Each request
	 * may send an email, so it is limited like the API's.
	 */
	@PostMapping("/forgot-password")
	@RateLimit(RateLimitType.AUTHENTICATION)
	String forgotPassword(@Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult result,
			HttpServletResponse response, Model model) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "identity/forgot-password";
		}
		this.accounts.forgotPassword(form.email());
		model.addAttribute("sent", true);
		return "identity/forgot-password";
	}

	@GetMapping("/reset-password")
	String resetPasswordPage(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("form", new ResetPasswordForm(token, null));
		return "identity/reset-password";
	}

	@PostMapping("/reset-password")
	String resetPassword(@Valid @ModelAttribute("form") ResetPasswordForm form, BindingResult result,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "identity/reset-password";
		}
		try {
			this.accounts.resetPassword(form.token(), form.password());
		}
		catch (ApiException ex) {
			PageErrors.show(ex, result);
			response.setStatus(ex.code().status().value());
			return "identity/reset-password";
		}
		redirect.addFlashAttribute("notice", "Your password is changed. Sign in with the new one.");
		return "redirect:/login";
	}

	record ForgotPasswordForm(@NotBlank(message = "Enter your email address") @Email(
			message = "Enter an email address like name@example.com") @Size(max = 320) String email) {

		ForgotPasswordForm {
			email = (email != null) ? email.strip() : null;
		}

	}

	record ResetPasswordForm(
			@NotBlank(message = "This link has no token; open the link from the email again") @Size(
					max = 128) String token,
			@NotBlank(message = "Choose a new password") @Size(max = 1024) String password) {
	}

}
