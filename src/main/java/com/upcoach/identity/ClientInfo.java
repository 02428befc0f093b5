package com.upcoach.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a sign-in comes from.
 *
 * @param ipAddress the client address (behind a proxy, from its forwarded headers)
 * @param userAgent the browser or app's user agent
 * @param deviceId an id the client keeps for itself (mobile apps), if it sent one
 * @param deviceName a name the user recognises, e.g. "Pixel 8"
 * @param country the client's country (ISO 3166-1 alpha-2) as the proxy in front of us
 * reported it, when one is configured to (see {@link ClientCountryFilter})
 */
public record ClientInfo(String ipAddress, String userAgent, String deviceId, String deviceName, String country) {

	private static final int MAX_USER_AGENT = 512;

	public static ClientInfo of(HttpServletRequest request, String deviceId, String deviceName) {
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
			userAgent = userAgent.substring(0, MAX_USER_AGENT);
		}
		return new ClientInfo(request.getRemoteAddr(), userAgent, deviceId, deviceName,
				(String) request.getAttribute(ClientCountryFilter.ATTRIBUTE));
	}

	/**
	 * What tells this device from the user's others: the id the client sent, else its
	 * user agent.
	 */
	String fingerprint() {
		return Secrets.sha256((this.deviceId != null) ? "id:" + this.deviceId : "ua:" + this.userAgent);
	}

	String displayName() {
		if (this.deviceName != null && !this.deviceName.isBlank()) {
			return this.deviceName.strip();
		}
		return UserAgents.describe(this.userAgent);
	}

}
