package com.upcoach.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial change of a journal entry (PATCH, sync update): only the fields sent change.
 *
 * @param title the new title
 * @param body the new text
 * @param tags the new tags (replace the old ones)
 * @param day the new local day
 * @param moodLogId a mood log to link
 * @param clear fields to remove: {@code title}, {@code moodLogId}
 */
public record JournalEntryChanges(@Size(max = 200) String title, @Size(max = JournalManagement.MAX_BODY) String body,
		@Size(max = 10) List<@NotBlank @Size(max = 30) String> tags, LocalDate day, UUID moodLogId,
		@Size(max = 2) List<@Pattern(regexp = "title|moodLogId",
				message = "must be title or moodLogId") String> clear) {

	boolean clears(String field) {
		return this.clear != null && this.clear.contains(field);
	}

}
