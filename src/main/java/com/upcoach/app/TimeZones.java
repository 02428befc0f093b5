package com.upcoach.app;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * The time zones a member picks from: UTC and the region zones (Europe/Berlin), not the
 * legacy aliases (CET, US/Pacific).
 */
final class TimeZones {

	static final List<String> ALL = Stream
		.concat(Stream.of("UTC"),
				ZoneId.getAvailableZoneIds()
					.stream()
					.filter((zone) -> zone
						.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
					.sorted())
		.toList();

	private TimeZones() {
	}

}
