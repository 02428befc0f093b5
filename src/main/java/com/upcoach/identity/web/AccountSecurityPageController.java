package com.upcoach.identity.web;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.PageSessions;
import com.upcoach.identity.SignIn;
import com.upcoach.identity.TwoFactor;
import com.upcoach.identity.UserView;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.UserId;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's security settings: password, two-step verification, sessions and
 * devices. Passkeys and linked accounts come as fragments of their own.
 */
@Controller
@RequestMapping("/account/security")
class AccountSecurityPageController {

	private static final String PAGE = "identity/security";

	private static final String REDIRECT = "redirect:/account/security";

	// A set-up authenticator stays here until a code from it turns it on, so a mistyped
	// code does not make the person scan a new QR code.
	private static final String PENDING_TOTP = "upcoach.identity.pendingTotp";

	private final AccountManagement accounts;

	private final TwoFactor twoFactor;

	private final SignIn signIn;

	private final PageAuthentication pages;

	AccountSecurityPageController(AccountManagement accounts, TwoFactor twoFactor, SignIn signIn,
			PageAuthentication pages) {
		this.accounts = accounts;
		this.twoFactor = twoFactor;
		this.signIn = signIn;
		this.pages = pages;
	}

	@GetMapping
	String securityPage(Authentication authentication, HttpSession session, Model model) {
		return render(authentication, session, model);
	}

	@PostMapping("/password")
	String changePassword(Authentication authentication, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			Model model) {
		return submit(result, () -> {
			this.accounts.changePassword(userOf(authentication), form.currentPassword(), form.newPassword());
			// Like the API: a new password ends every session, this one included.
			this.pages.forget(request);
			redirect.addFlashAttribute("notice", "Your password is changed. Sign in with the new one.");
			return "redirect:/login";
		}, authentication, request.getSession(), response, model);
	}

	@PostMapping("/email/resend")
	String resendVerification(Authentication authentication, RedirectAttributes redirect) {
		try {
			this.accounts.resendVerification(userOf(authentication));
			redirect.addFlashAttribute("notice", "We sent the confirmation link again.");
		}
		catch (ApiException ex) {
			redirect.addFlashAttribute("notice", ex.getMessage());
		}
		return REDIRECT;
	}

	@PostMapping("/2fa/setup")
	String setUpTwoFactor(Authentication authentication, HttpSession session, RedirectAttributes redirect) {
		try {
			TwoFactor.TotpSetup setup = this.twoFactor.setup(userOf(authentication));
			session.setAttribute(PENDING_TOTP, new PendingTotp(setup.secret(), setup.qrCode()));
		}
		catch (ApiException ex) {
			redirect.addFlashAttribute("notice", ex.getMessage());
		}
		return REDIRECT + "#two-step";
	}

	@PostMapping("/2fa/enable")
	String enableTwoFactor(Authentication authentication, @Valid @ModelAttribute("enableForm") CodeForm form,
			BindingResult result, HttpSession session, HttpServletResponse response, RedirectAttributes redirect,
			Model model) {
		return submit(result, () -> {
			List<String> codes = this.twoFactor.enable(userOf(authentication), form.code());
			session.removeAttribute(PENDING_TOTP);
			redirect.addFlashAttribute("recoveryCodes", codes);
			redirect.addFlashAttribute("notice", "Two-step verification is on.");
			return REDIRECT + "#two-step";
		}, authentication, session, response, model);
	}

	@PostMapping("/2fa/disable")
	String disableTwoFactor(Authentication authentication, @Valid @ModelAttribute("disableForm") CodeForm form,
			BindingResult result, HttpSession session, HttpServletResponse response, RedirectAttributes redirect,
			Model model) {
		return submit(result, () -> {
			this.twoFactor.disable(userOf(authentication), form.code());
			redirect.addFlashAttribute("notice", "Two-step verification is off.");
			return REDIRECT + "#two-step";
		}, authentication, session, response, model);
	}

	@PostMapping("/2fa/recovery-codes")
	String regenerateRecoveryCodes(Authentication authentication,
			@Valid @ModelAttribute("regenerateForm") CodeForm form, BindingResult result, HttpSession session,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		return submit(result, () -> {
			redirect.addFlashAttribute("recoveryCodes",
					this.twoFactor.regenerateRecoveryCodes(userOf(authentication), form.code()));
			redirect.addFlashAttribute("notice", "New recovery codes are ready; the old ones no longer work.");
			return REDIRECT + "#two-step";
		}, authentication, session, response, model);
	}

	@PostMapping("/sessions/{id}/end")
	String endSession(Authentication authentication, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		this.signIn.endSession(userOf(authentication), id);
		if (id.equals(sessionOf(authentication))) {
			this.pages.forget(request);
			return "redirect:/login?signedOut";
		}
		redirect.addFlashAttribute("notice", "That session is signed out.");
		return REDIRECT + "#sessions";
	}

	@PostMapping("/devices/{id}/forget")
	String forgetDevice(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
		this.signIn.forgetDeviceTrust(userOf(authentication), id);
		redirect.addFlashAttribute("notice", "That device will ask for the second step again.");
		return REDIRECT + "#devices";
	}

	/**
	 * Someone else's session or device, or one that is gone: the same plain 404.
	 */
	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
		page.addObject("status", HttpStatus.NOT_FOUND.value());
		page.addObject("reason", HttpStatus.NOT_FOUND.getReasonPhrase());
		page.addObject("message", "There is nothing here, or it is no longer there.");
		return page;
	}

	/**
	 * Run a form's action unless its fields are already invalid. A refusal from the
	 * facade shows next to the fields, on the page answered again with 400.
	 */
	private String submit(BindingResult result, Supplier<String> action, Authentication authentication,
			HttpSession session, HttpServletResponse response, Model model) {
		if (!result.hasErrors()) {
			try {
				return action.get();
			}
			catch (ApiException ex) {
				PageErrors.show(ex, result);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return render(authentication, session, model);
	}

	private String render(Authentication authentication, HttpSession session, Model model) {
		UserId userId = userOf(authentication);
		UserView user = this.accounts.profile(userId);
		TwoFactor.TwoFactorStatus status = this.twoFactor.status(userId);
		model.addAttribute("user", user);
		model.addAttribute("zone", ZoneId.of(user.timeZone()));
		model.addAttribute("twoFactor", status);
		model.addAttribute("pendingTotp", status.totpEnabled() ? null : session.getAttribute(PENDING_TOTP));
		model.addAttribute("sessions", this.signIn.sessions(userId, sessionOf(authentication)));
		model.addAttribute("devices", this.signIn.devices(userId));
		addIfAbsent(model, "passwordForm", new PasswordForm(null, null));
		addIfAbsent(model, "enableForm", new CodeForm(null));
		addIfAbsent(model, "disableForm", new CodeForm(null));
		addIfAbsent(model, "regenerateForm", new CodeForm(null));
		return PAGE;
	}

	private static void addIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	private static UserId userOf(Authentication authentication) {
		return CurrentUser.idOf(authentication).orElseThrow();
	}

	private static UUID sessionOf(Authentication authentication) {
		return (authentication.getDetails() instanceof PageSessions.Session session) ? session.id() : null;
	}

	/**
	 * An authenticator app being set up, until a code from it turns it on.
	 *
	 * @param secret the Base32 secret, to type in by hand
	 * @param qrCode the QR code as a PNG data URI
	 */
	record PendingTotp(String secret, String qrCode) implements Serializable {
	}

	record PasswordForm(@NotBlank(message = "Enter your current password") @Size(max = 1024) String currentPassword,
			@NotBlank(message = "Choose a new password") @Size(max = 1024) String newPassword) {
	}

	record CodeForm(@NotBlank(message = "Enter the 6-digit code from your authenticator app") @Pattern(
			regexp = "\\d{6}", message = "Enter the 6-digit code") String code) {

		CodeForm {
			code = (code != null) ? code.replace(" ", "") : null;
		}

	}

}
