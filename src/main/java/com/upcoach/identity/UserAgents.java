package com.upcoach.identity;

import java.util.List;
import java.util.Locale;

/**
 * Turns a user agent into the short name a person recognises in a session list, such as
 * "Firefox on Windows".
 */
final class UserAgents {

	private static final List<String[]> BROWSERS = List.of(new String[] { "edg/", "Edge" },
			new String[] { "opr/", "Opera" }, new String[] { "firefox/", "Firefox" },
			new String[] { "chrome/", "Chrome" }, new String[] { "safari/", "Safari" },
			new String[] { "dart", "UpCoach app" }, new String[] { "okhttp", "Android app" },
			new String[] { "curl/", "curl" });

	private static final List<String[]> SYSTEMS = List.of(new String[] { "android", "Android" },
			new String[] { "iphone", "iPhone" }, new String[] { "ipad", "iPad" }, new String[] { "windows", "Windows" },
			new String[] { "mac os", "macOS" }, new String[] { "cros", "ChromeOS" }, new String[] { "linux", "Linux" });

	private UserAgents() {
	}

	static String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "Unknown device";
		}
		String ua = userAgent.toLowerCase(Locale.ROOT);
		String browser = first(BROWSERS, ua);
		String system = first(SYSTEMS, ua);
		if (browser == null && system == null) {
			return "Unknown device";
		}
		if (browser == null || system == null) {
			return (browser != null) ? browser : system;
		}
		return browser + " on " + system;
	}

	private static String first(List<String[]> candidates, String ua) {
		return candidates.stream().filter((c) -> ua.contains(c[0])).map((c) -> c[1]).findFirst().orElse(null);
	}

}
