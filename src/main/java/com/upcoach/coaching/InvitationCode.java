package com.upcoach.coaching;

/**
 * A new shareable invitation code, shown once: only its hash is stored.
 *
 * @param invitation the pending invitation
 * @param code the code to give to the future client, e.g. {@code 7K3M-Q9XD-2HTR}
 */
public record InvitationCode(RelationshipView invitation, String code) {
}
