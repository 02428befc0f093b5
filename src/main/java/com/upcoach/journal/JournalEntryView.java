package com.upcoach.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.upcoach.journal.domain.JournalEntry;

/**
 * A journal entry as the API and the sync feed see it.
 *
 * @param id the entry
 * @param kind {@code text} or {@code voice}
 * @param title an optional title
 * @param body the text (empty for a voice entry without notes)
 * @param tags lower-case tags in alphabetical order
 * @param day the user's local day it belongs to
 * @param moodLogId an optional linked mood log
 * @param audio the recording, or null; its bytes are at {@code /audio}
 * @param transcript the transcript of the recording, or null
 * @param transcriptStatus {@code pending}, {@code done}, {@code unavailable} or
 * {@code failed}; null without a recording
 * @param transcriptMessage why there is no transcript, in words
 * @param emotion the emotion detected in the transcript, or null
 * @param version the version, sent as ETag
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record JournalEntryView(UUID id, String kind, String title, String body, List<String> tags, LocalDate day,
		UUID moodLogId, Audio audio, String transcript, String transcriptStatus, String transcriptMessage,
		String emotion, long version, Instant createdAt, Instant updatedAt) {

	/**
	 * @param contentType the sniffed content type
	 * @param sizeBytes its size
	 */
	public record Audio(String contentType, long sizeBytes) {
	}

	static JournalEntryView of(JournalEntry entry) {
		return new JournalEntryView(entry.getId(), entry.getKind(), entry.getTitle(), entry.getBody(), entry.getTags(),
				entry.getDay(), entry.getMoodLogId(),
				(entry.getAudioKey() != null) ? new Audio(entry.getAudioContentType(), entry.getAudioSize()) : null,
				entry.getTranscript(), entry.getTranscriptStatus(), entry.getTranscriptMessage(), entry.getEmotion(),
				entry.getVersion(), entry.getCreatedAt(), entry.getUpdatedAt());
	}

}
