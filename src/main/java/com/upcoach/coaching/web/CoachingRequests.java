package com.upcoach.coaching.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.upcoach.coaching.SharedArea;

/**
 * The request bodies of the coaching API.
 */
final class CoachingRequests {

	private CoachingRequests() {
	}

	/**
	 * @param id an optional client-generated id; a retry returns the same invitation
	 * @param email whom to invite
	 * @param message a few words for the invitee
	 */
	record Invite(UUID id, @NotBlank @Email @Size(max = 320) String email, @Size(max = 500) String message) {
	}

	/**
	 * @param id an optional client-generated id
	 * @param message a few words shown to whoever redeems the code
	 */
	record NewCode(UUID id, @Size(max = 500) String message) {
	}

	/**
	 * @param sharedAreas what the coach may see: any of habits, goals, tasks, mood,
	 * journal (may be empty)
	 */
	record Share(@NotNull @Size(max = 5) Set<@NotNull SharedArea> sharedAreas) {
	}

	/**
	 * @param code the invitation code, e.g. {@code 7K3M-Q9XD-2HTR}
	 * @param sharedAreas what the coach may see
	 */
	record Redeem(@NotBlank @Size(max = 40) String code, @NotNull @Size(max = 5) Set<@NotNull SharedArea> sharedAreas) {
	}

	/**
	 * @param id an optional client-generated id
	 * @param coachId the coach's user id (or give coachEmail)
	 * @param coachEmail the coach's email address (or give coachId)
	 * @param sharedAreas what the coach may see once they accept
	 * @param message a few words for the coach
	 */
	record AskCoach(UUID id, UUID coachId, @Email @Size(max = 320) String coachEmail,
			@NotNull @Size(max = 5) Set<@NotNull SharedArea> sharedAreas, @Size(max = 500) String message) {
	}

	/**
	 * @param id an optional client-generated id
	 * @param body the note
	 * @param visibility {@code private} (default, the coach only) or {@code shared}
	 * @param sessionDate the local day of the session
	 */
	record NewNote(UUID id, @NotBlank @Size(max = 10000) String body,
			@Pattern(regexp = "private|shared") String visibility, LocalDate sessionDate) {
	}

	/**
	 * Only the fields present change.
	 */
	record NoteChanges(
			@Size(min = 1, max = 10000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String body,
			@Pattern(regexp = "private|shared") String visibility, LocalDate sessionDate) {
	}

}
