package com.upcoach.community;

import java.util.UUID;

/**
 * A person as conversations show them.
 *
 * @param id the user id
 * @param name the display name, {@code null} for an account that no longer exists
 */
public record ChatPerson(UUID id, String name) {
}
