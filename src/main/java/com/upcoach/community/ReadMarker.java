package com.upcoach.community;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * The newest message a member has seen.
 *
 * @param messageId a message of the conversation
 */
public record ReadMarker(@NotNull UUID messageId) {
}
