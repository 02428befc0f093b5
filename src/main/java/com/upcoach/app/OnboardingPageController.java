package com.upcoach.app;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.identity.AccountManagement;
import com.upcoach.notifications.push.PushRegistry;
import com.upcoach.shared.UserId;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The welcome a new member sees once: their time zone, a first goal, two or three starter
 * habits and, where the browser can, permission for reminders. Everything is optional
 * except the time zone, and the whole welcome can be skipped.
 */
@Controller
@RequestMapping("/app/welcome")
class OnboardingPageController {

	private static final String PAGE = "app/welcome";

	private static final int MAX_GOAL = 200;

	private final Onboarding onboarding;

	private final AccountManagement accounts;

	private final PushRegistry push;

	private final MessageSource messages;

	OnboardingPageController(Onboarding onboarding, AccountManagement accounts, PushRegistry push,
			MessageSource messages) {
		this.onboarding = onboarding;
		this.accounts = accounts;
		this.push = push;
		this.messages = messages;
	}

	@GetMapping
	String welcome(UserId me, Model model) {
		return page(model, this.accounts.profile(me).timeZone(), "",
				List.of(StarterHabit.WATER.key(), StarterHabit.WALK.key()), Map.of());
	}

	@PostMapping
	String finish(UserId me, @RequestParam(defaultValue = "") String zone, @RequestParam(defaultValue = "") String goal,
			@RequestParam(name = "starter", required = false) List<String> starters, Locale locale,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		ZoneId timeZone = zone(zone, errors, locale);
		String title = goal.strip();
		if (title.length() > MAX_GOAL) {
			errors.put("goal", this.messages.getMessage("app.welcome.goal.tooLong", new Object[] { MAX_GOAL }, locale));
		}
		List<StarterHabit> chosen = new ArrayList<>();
		for (String key : (starters != null) ? starters : List.<String>of()) {
			StarterHabit.find(key)
				.ifPresentOrElse(chosen::add, () -> errors.put("starter",
						this.messages.getMessage("app.welcome.starters.unknown", null, locale)));
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, zone, goal, (starters != null) ? starters : List.of(), errors);
		}
		this.onboarding.finish(me, timeZone, title.isEmpty() ? null : title, chosen, locale);
		return "redirect:/app/";
	}

	@PostMapping("/skip")
	String skip(UserId me) {
		this.onboarding.skip(me);
		return "redirect:/app/";
	}

	private ZoneId zone(String zone, Map<String, String> errors, Locale locale) {
		if (TimeZones.ALL.contains(zone)) {
			return ZoneId.of(zone);
		}
		errors.put("zone", this.messages.getMessage("app.welcome.zone.unknown", null, locale));
		return null;
	}

	private String page(Model model, String zone, String goal, List<String> starters, Map<String, String> errors) {
		model.addAttribute("zones", TimeZones.ALL);
		model.addAttribute("zone", zone);
		model.addAttribute("goal", goal);
		model.addAttribute("starters", Stream.of(StarterHabit.values()).map(StarterHabit::key).toList());
		model.addAttribute("chosen", starters);
		model.addAttribute("errors", errors);
		model.addAttribute("vapidKey", this.push.vapidPublicKey());
		return PAGE;
	}

}
