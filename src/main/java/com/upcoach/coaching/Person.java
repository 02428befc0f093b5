package com.upcoach.coaching;

import java.util.UUID;

/**
 * One side of a relationship as the other side sees it.
 *
 * @param id the user id
 * @param name the display name
 * @param email the email address
 */
public record Person(UUID id, String name, String email) {
}
