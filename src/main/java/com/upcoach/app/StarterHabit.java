package com.upcoach.app;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.upcoach.habits.HabitForms.NewHabit;
import com.upcoach.habits.HabitForms.ScheduleForm;

import org.springframework.context.MessageSource;

/**
 * The habits the welcome offers to start with: small, daily and easy to keep, named in
 * the member's language.
 */
enum StarterHabit {

	WATER("💧", "numeric", "glasses", 8), WALK("🚶", "yes_no", null, 0), READ("📖", "yes_no", null, 0),
	MEDITATE("🧘", "yes_no", null, 0), SLEEP("🌙", "yes_no", null, 0);

	private final String icon;

	private final String kind;

	private final String unitKey;

	private final int target;

	StarterHabit(String icon, String kind, String unitKey, int target) {
		this.icon = icon;
		this.kind = kind;
		this.unitKey = unitKey;
		this.target = target;
	}

	/** The form value and message key. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<StarterHabit> find(String key) {
		return Arrays.stream(values()).filter((starter) -> starter.key().equals(key)).findFirst();
	}

	NewHabit toHabit(MessageSource messages, Locale locale) {
		String unit = (this.unitKey != null) ? messages.getMessage("app.starter.unit." + this.unitKey, null, locale)
				: null;
		return new NewHabit(null, messages.getMessage("app.starter." + key(), null, locale), null, this.icon, null,
				this.kind, unit, (this.target > 0) ? BigDecimal.valueOf(this.target) : null, null,
				new ScheduleForm("daily", null, null, null), null, null, null);
	}

}
