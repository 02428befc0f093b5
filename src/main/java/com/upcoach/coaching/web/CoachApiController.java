package com.upcoach.coaching.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.coaching.ClientOverview;
import com.upcoach.coaching.CoachingManagement;
import com.upcoach.coaching.InvitationCode;
import com.upcoach.coaching.RelationshipView;
import com.upcoach.coaching.SessionNoteView;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.upcoach.platform.security.AccessTokens.userOf;

/**
 * The coach's side: invitations, requests to answer, clients with their signals, and
 * session notes.
 */
@RestController
@RequestMapping("/api/v1/coaching")
@PreAuthorize("hasRole('COACH')")
@Tag(name = "Coaching (coach)")
class CoachApiController {

	private static final Set<String> CLIENT_SORTS = Set.of("risk", "name");

	private static final Set<String> LIST_SORTS = Set.of("createdAt", "expiresAt");

	private static final Set<String> NOTE_SORTS = Set.of("createdAt", "updatedAt", "sessionDate");

	private final CoachingManagement coaching;

	CoachApiController(CoachingManagement coaching) {
		this.coaching = coaching;
	}

	@PostMapping("/invitations")
	@Operation(summary = "Invite a client by email",
			description = "The email carries a link with a single-use code valid for 7 days; a person with an account "
					+ "also sees the invitation in their list. Inviting the same person while an invitation is pending "
					+ "answers 200 with that invitation and sends nothing.")
	ResponseEntity<ApiResponse<RelationshipView>> invite(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody CoachingRequests.Invite request) {
		CoachingManagement.Created<RelationshipView> invitation = this.coaching.invite(userOf(token), request.id(),
				request.email(), request.message());
		return created(invitation.created(),
				ApiResponse.of(invitation.value(),
						invitation.created() ? "Invitation sent" : "An invitation is already pending"),
				invitation.value().version());
	}

	@PostMapping("/invitation-codes")
	@Operation(summary = "Create a shareable invitation code",
			description = "Short, single use, valid for 7 days. The code is shown only in this answer; a retry with the "
					+ "same id returns the invitation without it.")
	ResponseEntity<ApiResponse<InvitationCode>> createCode(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody(required = false) CoachingRequests.NewCode request) {
		CoachingManagement.Created<InvitationCode> code = this.coaching.createCode(userOf(token),
				(request != null) ? request.id() : null, (request != null) ? request.message() : null);
		return created(code.created(), ApiResponse.of(code.value()), code.value().invitation().version());
	}

	@GetMapping("/invitations/sent")
	@Operation(summary = "My pending invitations (email and code)")
	ApiResponse<List<RelationshipView>> sentInvitations(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
		return ApiResponse.page(this.coaching.sentInvitations(userOf(token),
				page.toPageable(Sort.by(Sort.Order.desc("createdAt")), LIST_SORTS)));
	}

	@GetMapping("/requests")
	@Operation(summary = "Pending requests from people who want me as their coach")
	ApiResponse<List<RelationshipView>> requests(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
		return ApiResponse.page(this.coaching.requestsFor(userOf(token),
				page.toPageable(Sort.by(Sort.Order.desc("createdAt")), LIST_SORTS)));
	}

	@PostMapping("/requests/{id}/accept")
	@Operation(summary = "Accept a request", description = "The client shares what the request offered.")
	ResponseEntity<ApiResponse<RelationshipView>> acceptRequest(@AuthenticationPrincipal Jwt token,
			@PathVariable UUID id) {
		RelationshipView accepted = this.coaching.acceptRequest(userOf(token), id);
		return ETags.ok(ApiResponse.of(accepted, "Request accepted"), accepted.version());
	}

	@PostMapping("/requests/{id}/decline")
	@Operation(summary = "Decline a request")
	ApiResponse<Void> declineRequest(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.coaching.declineRequest(userOf(token), id);
		return ApiResponse.of(null, "Request declined");
	}

	@GetMapping("/clients")
	@Operation(summary = "My active clients with shared areas, last activity and at-risk signals",
			description = "Sort by risk (default, most at risk first) or name.")
	ApiResponse<List<ClientOverview>> clients(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
		return ApiResponse.page(
				this.coaching.clients(userOf(token), page.toPageable(Sort.by(Sort.Order.desc("risk")), CLIENT_SORTS)));
	}

	@GetMapping("/clients/{clientId}")
	@Operation(summary = "One client's overview with signals", description = "Anyone not my active client is 404.")
	ApiResponse<ClientOverview> client(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId) {
		return ApiResponse.of(this.coaching.client(userOf(token), new UserId(clientId)));
	}

	@GetMapping("/clients/{clientId}/notes")
	@Operation(summary = "My session notes about a client")
	ApiResponse<List<SessionNoteView>> notes(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@Valid PageQuery page) {
		return ApiResponse.page(this.coaching.notes(userOf(token), new UserId(clientId),
				page.toPageable(Sort.by(Sort.Order.desc("createdAt")), NOTE_SORTS)));
	}

	@PostMapping("/clients/{clientId}/notes")
	@Operation(summary = "Write a session note",
			description = "Visibility private (default, only me) or shared (the client reads it too). A retry with the "
					+ "same id answers 200 with the note.")
	ResponseEntity<ApiResponse<SessionNoteView>> addNote(@AuthenticationPrincipal Jwt token,
			@PathVariable UUID clientId, @Valid @RequestBody CoachingRequests.NewNote request) {
		CoachingManagement.Created<SessionNoteView> note = this.coaching.addNote(userOf(token), new UserId(clientId),
				new CoachingManagement.NewNote(request.id(), request.body(), request.visibility(),
						request.sessionDate()));
		return created(note.created(), ApiResponse.of(note.value()), note.value().version());
	}

	@GetMapping("/clients/{clientId}/notes/{noteId}")
	@Operation(summary = "One session note")
	ResponseEntity<ApiResponse<SessionNoteView>> note(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@PathVariable UUID noteId) {
		SessionNoteView note = this.coaching.note(userOf(token), new UserId(clientId), noteId);
		return ETags.ok(ApiResponse.of(note), note.version());
	}

	@PatchMapping("/clients/{clientId}/notes/{noteId}")
	@Operation(summary = "Change a session note", description = "With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<SessionNoteView>> updateNote(@AuthenticationPrincipal Jwt token,
			@PathVariable UUID clientId, @PathVariable UUID noteId,
			@Valid @RequestBody CoachingRequests.NoteChanges request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		SessionNoteView note = this.coaching.updateNote(userOf(token), new UserId(clientId), noteId,
				new CoachingManagement.NoteChanges(request.body(), request.visibility(), request.sessionDate()),
				ifMatch);
		return ETags.ok(ApiResponse.of(note, "Note updated"), note.version());
	}

	@DeleteMapping("/clients/{clientId}/notes/{noteId}")
	@Operation(summary = "Delete a session note")
	ApiResponse<Void> deleteNote(@AuthenticationPrincipal Jwt token, @PathVariable UUID clientId,
			@PathVariable UUID noteId) {
		this.coaching.deleteNote(userOf(token), new UserId(clientId), noteId);
		return ApiResponse.of(null, "Note deleted");
	}

	static <T> ResponseEntity<ApiResponse<T>> created(boolean created, ApiResponse<T> body, long version) {
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(version))
			.body(body);
	}

}
