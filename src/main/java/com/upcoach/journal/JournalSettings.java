package com.upcoach.journal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Journal settings.
 *
 * @param maxAudioBytes the largest recording accepted (413 above it); keep it below
 * {@code spring.servlet.multipart.max-file-size}
 */
@ConfigurationProperties("upcoach.journal")
record JournalSettings(@DefaultValue("20MB") DataSize maxAudioBytes) {
}
