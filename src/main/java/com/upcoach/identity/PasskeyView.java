package com.upcoach.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A passkey of the signed-in user.
 *
 * @param id the passkey's id in UpCoach (not the authenticator's credential id)
 * @param name the name the user gave it
 * @param aaguid the authenticator model, all zeros when it did not say
 * @param transports how the browser reaches it: {@code internal}, {@code hybrid},
 * {@code usb}, {@code nfc}, {@code ble}
 * @param synced whether it may be synced to the user's other devices
 * @param createdAt when it was registered
 * @param lastUsedAt when it last signed in, if ever
 */
public record PasskeyView(UUID id, String name, String aaguid, List<String> transports, boolean synced,
		Instant createdAt, Instant lastUsedAt) {
}
