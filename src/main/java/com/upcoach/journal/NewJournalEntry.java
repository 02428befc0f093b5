package com.upcoach.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a new journal entry, over REST and in a sync batch. A voice entry's
 * recording is uploaded afterwards to {@code /api/v1/journal-entries/{id}/audio}.
 *
 * @param id an optional client-generated id; a retry with the same id returns the entry
 * @param kind {@code text} (default; needs a body) or {@code voice}
 * @param title up to 200 characters
 * @param body plain text, up to 20 000 characters
 * @param tags up to 10 tags of at most 30 characters; stored in lower case
 * @param day the local day it belongs to; default today, never after today
 * @param moodLogId an optional mood log of the user to link
 */
public record NewJournalEntry(UUID id, @Pattern(regexp = "text|voice", message = "must be text or voice") String kind,
		@Size(max = 200) String title, @Size(max = JournalManagement.MAX_BODY) String body,
		@Size(max = 10) List<@NotBlank @Size(max = 30) String> tags, LocalDate day, UUID moodLogId) {

	NewJournalEntry withId(UUID newId) {
		return new NewJournalEntry(newId, this.kind, this.title, this.body, this.tags, this.day, this.moodLogId);
	}

}
