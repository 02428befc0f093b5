package com.upcoach.app;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.notifications.NotificationForms;
import com.upcoach.notifications.NotificationPreferences;
import com.upcoach.notifications.NotificationType;
import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncFeed;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Profile and settings: the name, time zone and day start; which notifications come by
 * which channel and quiet hours; a download of everything the member keeps here; the
 * security settings are linked (identity's page).
 */
@Controller
@RequestMapping("/app/settings")
class SettingsPageController {

	private static final List<String> CHANNELS = List.of("in_app", "email", "push");

	private static final int EXPORT_PAGE = 1000;

	private final AccountManagement accounts;

	private final NotificationPreferences preferences;

	private final SyncFeed feed;

	private final MessageSource messages;

	private final Clock clock;

	private final Validator validator;

	SettingsPageController(AccountManagement accounts, NotificationPreferences preferences, SyncFeed feed,
			MessageSource messages, Clock clock, Validator validator) {
		this.validator = validator;
		this.accounts = accounts;
		this.preferences = preferences;
		this.feed = feed;
		this.messages = messages;
		this.clock = clock;
	}

	// The emails' "notification settings" link names its section.
	@GetMapping({ "", "/notifications" })
	String settings(UserId me, Model model) {
		UserView profile = this.accounts.profile(me);
		return page(me, Map.of("name", profile.name(), "zone", profile.timeZone(), "dayStart",
				Integer.toString(profile.dayStartHour())), Map.of(), model);
	}

	@PostMapping("/profile")
	String profile(UserId me, @RequestParam Map<String, String> form, Locale locale, HttpServletResponse response,
			Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = form.getOrDefault("name", "").strip();
		if (name.isEmpty() || name.length() > 120) {
			errors.put("name", text("app.settings.name.invalid", locale));
		}
		String zone = form.getOrDefault("zone", "");
		if (!TimeZones.ALL.contains(zone)) {
			errors.put("zone", text("app.welcome.zone.unknown", locale));
		}
		int dayStart = switch (form.getOrDefault("dayStart", "")) {
			case "0", "1", "2", "3", "4", "5", "6" -> Integer.parseInt(form.get("dayStart"));
			default -> {
				errors.put("dayStart", text("app.settings.dayStart.invalid", locale));
				yield 0;
			}
		};
		return FieldErrors.submit(errors, () -> {
			this.accounts.updateProfile(me,
					new AccountManagement.ProfileChanges(name, ZoneId.of(zone), null, null, null, null, dayStart),
					null);
			return "redirect:/app/settings?saved";
		}, () -> page(me, form, errors, model), response);
	}

	@PostMapping("/notifications")
	String notifications(UserId me, @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
		Map<String, Map<String, Boolean>> channels = new TreeMap<>();
		for (NotificationType type : NotificationType.values()) {
			Map<String, Boolean> choice = new TreeMap<>();
			for (String channel : CHANNELS) {
				choice.put(channel, form.containsKey(type.wireName() + "." + channel));
			}
			channels.put(type.wireName(), choice);
		}
		NotificationForms.QuietHours quiet = new NotificationForms.QuietHours(form.containsKey("quiet"),
				form.getOrDefault("quietStart", ""), form.getOrDefault("quietEnd", ""));
		Map<String, String> errors = new LinkedHashMap<>();
		return FieldErrors.submit(errors, () -> {
			this.preferences.update(me,
					FieldErrors.check(this.validator, new NotificationForms.Preferences(channels, quiet), errors));
			return "redirect:/app/settings?saved";
		}, () -> page(me, Map.of(), errors, model), response);
	}

	/**
	 * Everything the member keeps here, as the sync API's records, in one JSON file.
	 */
	@GetMapping("/export")
	@ResponseBody
	ResponseEntity<Export> export(UserId me) {
		List<SyncChange> records = new ArrayList<>();
		SyncFeed.Changes page;
		long cursor = 0;
		do {
			page = this.feed.changesSince(me, cursor, EXPORT_PAGE);
			page.changes().stream().filter((change) -> !change.deleted()).forEach(records::add);
			cursor = page.cursor();
		}
		while (page.hasMore());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("upcoach-export.json").build().toString())
			.body(new Export(this.clock.instant().toString(), this.accounts.profile(me), records));
	}

	private String page(UserId me, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zones", TimeZones.ALL);
		model.addAttribute("preferences", this.preferences.get(me));
		model.addAttribute("types", Arrays.stream(NotificationType.values()).map(NotificationType::wireName).toList());
		model.addAttribute("channels", CHANNELS);
		return "app/settings";
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/**
	 * @param exportedAt when
	 * @param profile the account
	 * @param records habits, check-ins, groups, goals, milestones, tasks, mood logs and
	 * journal entries (and a coach's notes), as {@code GET /api/v1/sync/changes} gives
	 * them
	 */
	record Export(String exportedAt, UserView profile, List<SyncChange> records) {
	}

}
