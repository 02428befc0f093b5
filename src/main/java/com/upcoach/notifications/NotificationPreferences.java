package com.upcoach.notifications;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.identity.AccountManagement;
import com.upcoach.notifications.domain.NotificationPreference;
import com.upcoach.notifications.domain.NotificationPreferenceRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorEnvelope.FieldProblem;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's choice of channels per notification type and their quiet hours, and what
 * they mean for a notification about to be sent.
 */
@Service
public class NotificationPreferences {

	static final LocalTime DEFAULT_QUIET_START = LocalTime.of(22, 0);

	static final LocalTime DEFAULT_QUIET_END = LocalTime.of(7, 0);

	private static final TypeReference<Map<String, Map<String, Boolean>>> CHOICES = new TypeReference<>() {
	};

	private final NotificationPreferenceRepository preferences;

	private final AccountManagement accounts;

	private final JsonMapper json;

	private final Clock clock;

	NotificationPreferences(NotificationPreferenceRepository preferences, AccountManagement accounts, JsonMapper json,
			Clock clock) {
		this.preferences = preferences;
		this.accounts = accounts;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PreferencesView get(UserId user) {
		return toView(user, this.preferences.findById(user.value()).orElse(null));
	}

	/**
	 * Change the channels of the types listed and, when given, the quiet hours.
	 * @throws ApiException {@code VALIDATION_ERROR} naming each bad field
	 */
	@Transactional
	public PreferencesView update(UserId user, NotificationForms.Preferences changes) {
		validate(changes);
		NotificationPreference preference = this.preferences.findById(user.value()).orElse(null);
		Map<String, Map<String, Boolean>> choices = new TreeMap<>(choices(preference));
		if (changes.channels() != null) {
			changes.channels().forEach((type, channels) -> {
				Map<String, Boolean> merged = new TreeMap<>(choices.getOrDefault(type, Map.of()));
				merged.putAll(channels);
				choices.put(type, merged);
			});
		}
		NotificationForms.QuietHours quiet = changes.quietHours();
		boolean enabled = (quiet != null) ? quiet.enabled() : (preference != null) && preference.isQuietEnabled();
		LocalTime start = (quiet != null) ? LocalTime.parse(quiet.start())
				: (preference != null) ? preference.getQuietStart() : DEFAULT_QUIET_START;
		LocalTime end = (quiet != null) ? LocalTime.parse(quiet.end())
				: (preference != null) ? preference.getQuietEnd() : DEFAULT_QUIET_END;
		if (preference == null) {
			preference = new NotificationPreference(user.value());
		}
		preference.change(this.json.writeValueAsString(choices), enabled, start, end);
		return toView(user, this.preferences.saveAndFlush(preference));
	}

	/**
	 * Whether the user has email on for a type, whatever the hour: scheduled mail such as
	 * the weekly digest picks its own time of day.
	 */
	@Transactional(readOnly = true)
	public boolean wantsEmail(UserId user, NotificationType type) {
		NotificationPreference preference = this.preferences.findById(user.value()).orElse(null);
		return Boolean.TRUE.equals(resolve(choices(preference), type).get(Channels.EMAIL));
	}

	/**
	 * How a notification of this type reaches the user now.
	 */
	@Transactional(readOnly = true)
	Plan plan(UserId user, NotificationType type) {
		NotificationPreference preference = this.preferences.findById(user.value()).orElse(null);
		Map<String, Boolean> channels = resolve(choices(preference), type);
		boolean quiet = preference != null && preference.isQuietEnabled()
				&& within(LocalTime.ofInstant(this.clock.instant(), zoneOf(user)), preference.getQuietStart(),
						preference.getQuietEnd());
		if (quiet && Channels.silencedInQuietHours(type)) {
			return new Plan(false, Set.of(), true);
		}
		Set<String> external = new LinkedHashSet<>();
		if (!quiet) {
			channels.forEach((channel, on) -> {
				if (on && !Channels.IN_APP.equals(channel)) {
					external.add(channel);
				}
			});
		}
		return new Plan(channels.get(Channels.IN_APP), Set.copyOf(external), quiet);
	}

	/**
	 * Whether a local time falls in quiet hours from {@code start} (inclusive) to
	 * {@code end} (exclusive); {@code start} after {@code end} crosses midnight.
	 */
	static boolean within(LocalTime time, LocalTime start, LocalTime end) {
		if (start.equals(end)) {
			return false;
		}
		if (start.isBefore(end)) {
			return !time.isBefore(start) && time.isBefore(end);
		}
		return !time.isBefore(start) || time.isBefore(end);
	}

	private PreferencesView toView(UserId user, NotificationPreference preference) {
		Map<String, Map<String, Boolean>> choices = choices(preference);
		Map<String, Map<String, Boolean>> channels = new LinkedHashMap<>();
		for (NotificationType type : NotificationType.values()) {
			channels.put(type.wireName(), resolve(choices, type));
		}
		PreferencesView.QuietHours quiet = (preference != null)
				? new PreferencesView.QuietHours(preference.isQuietEnabled(), preference.getQuietStart().toString(),
						preference.getQuietEnd().toString())
				: new PreferencesView.QuietHours(false, DEFAULT_QUIET_START.toString(), DEFAULT_QUIET_END.toString());
		return new PreferencesView(channels, quiet, zoneOf(user).getId());
	}

	private Map<String, Map<String, Boolean>> choices(NotificationPreference preference) {
		return (preference != null) ? this.json.readValue(preference.getChannels(), CHOICES) : Map.of();
	}

	private static Map<String, Boolean> resolve(Map<String, Map<String, Boolean>> choices, NotificationType type) {
		Map<String, Boolean> chosen = choices.getOrDefault(type.wireName(), Map.of());
		Map<String, Boolean> channels = new LinkedHashMap<>();
		for (String channel : Channels.ALL) {
			boolean on = chosen.getOrDefault(channel, Channels.defaults(type).contains(channel));
			channels.put(channel, on && Channels.offered(type, channel));
		}
		return channels;
	}

	private ZoneId zoneOf(UserId user) {
		return this.accounts.profile(user).calendar().zone();
	}

	private static void validate(NotificationForms.Preferences changes) {
		List<FieldProblem> problems = new ArrayList<>();
		if (changes.channels() != null) {
			changes.channels().forEach((name, channels) -> {
				NotificationType type = NotificationType.fromWireName(name).orElse(null);
				if (type == null) {
					problems.add(new FieldProblem("channels." + name, "Unknown notification type; known: " + String
						.join(", ",
								Arrays.stream(NotificationType.values()).map(NotificationType::wireName).toList())));
					return;
				}
				if (channels == null) {
					problems.add(new FieldProblem("channels." + name, "must be an object of channels"));
					return;
				}
				channels.forEach((channel, on) -> {
					String field = "channels." + name + "." + channel;
					if (!Channels.ALL.contains(channel)) {
						problems
							.add(new FieldProblem(field, "Unknown channel; known: " + String.join(", ", Channels.ALL)));
					}
					else if (on == null) {
						problems.add(new FieldProblem(field, "must be true or false"));
					}
					else if (on && !Channels.offered(type, channel)) {
						problems.add(new FieldProblem(field,
								"Security alerts are always emailed by the account service; this channel cannot be turned on"));
					}
				});
			});
		}
		NotificationForms.QuietHours quiet = changes.quietHours();
		if (quiet != null && quiet.start() != null && quiet.start().equals(quiet.end())) {
			problems.add(new FieldProblem("quietHours.end", "must differ from start"));
		}
		if (!problems.isEmpty()) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid input", problems);
		}
	}

	/**
	 * How one notification goes out.
	 *
	 * @param inApp whether it is listed and streamed in the app
	 * @param external the other channels to call ({@code email}, {@code push})
	 * @param quiet whether the user's quiet hours hold now
	 */
	record Plan(boolean inApp, Set<String> external, boolean quiet) {

		boolean anything() {
			return this.inApp || !this.external.isEmpty();
		}

	}

}
