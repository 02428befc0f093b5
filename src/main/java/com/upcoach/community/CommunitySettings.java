package com.upcoach.community;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Chat settings.
 *
 * @param maxAttachmentBytes the largest file accepted (413 above it); keep it below
 * {@code spring.servlet.multipart.max-file-size}
 * @param attachmentTypes the content types accepted, as the bytes reveal them (415
 * otherwise)
 * @param maxGroupMembers how many members a group may have
 * @param typingInterval how often one member's "still typing" reaches a conversation
 */
@ConfigurationProperties("upcoach.community")
record CommunitySettings(@DefaultValue("10MB") DataSize maxAttachmentBytes, @DefaultValue( {
		"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "audio/mpeg",
		"audio/ogg", "audio/wav", "audio/webm", "audio/mp4" }) Set<String> attachmentTypes,
		@DefaultValue("1000") int maxGroupMembers, @DefaultValue("2s") Duration typingInterval){
}
