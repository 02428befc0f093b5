package com.upcoach.coaching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Coaching settings ({@code upcoach.coaching.*}).
 *
 * @param invitationValidity how long a pending invitation, code or request waits for an
 * answer (7 days)
 */
@ConfigurationProperties("upcoach.coaching")
record CoachingSettings(@DefaultValue("7d") Duration invitationValidity) {
}
