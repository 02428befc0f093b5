package com.upcoach.journal;

import java.time.Instant;
import java.util.UUID;

/**
 * A recording was attached to a journal entry; transcription starts from this event.
 *
 * @param userId the owner
 * @param entryId the entry
 * @param contentType the sniffed content type
 * @param occurredAt when
 */
public record JournalAudioUploaded(UUID userId, UUID entryId, String contentType, Instant occurredAt) {
}
