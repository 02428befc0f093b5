package com.upcoach.coaching.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.upcoach.coaching.CoachingManagement;
import com.upcoach.coaching.RelationshipView;
import com.upcoach.coaching.SessionNoteView;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
 * The client's side (any signed-in user): invitations, requests for a coach, my coaches
 * and what I share, ending a relationship, and the notes my coaches shared with me.
 */
@RestController
@RequestMapping("/api/v1/coaching")
@Tag(name = "Coaching (client)")
class ClientCoachingApiController {

	private static final Set<String> LIST_SORTS = Set.of("createdAt", "expiresAt");

	private static final Set<String> COACH_SORTS = Set.of("acceptedAt", "createdAt");

	private static final Set<String> NOTE_SORTS = Set.of("createdAt", "updatedAt", "sessionDate");

	private final CoachingManagement coaching;

	ClientCoachingApiController(CoachingManagement coaching) {
		this.coaching = coaching;
	}

	@GetMapping("/coaches")
	@Operation(summary = "My coaches and what I share with each")
	ApiResponse<List<RelationshipView>> coaches(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
		return ApiResponse.page(this.coaching.coachesOf(userOf(token),
				page.toPageable(Sort.by(Sort.Order.desc("acceptedAt")), COACH_SORTS)));
	}

	@GetMapping("/invitations")
	@Operation(summary = "Pending invitations addressed to me")
	ApiResponse<List<RelationshipView>> invitations(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
		return ApiResponse.page(this.coaching.invitationsFor(userOf(token),
				page.toPageable(Sort.by(Sort.Order.desc("createdAt")), LIST_SORTS)));
	}

	@PostMapping("/invitations/{id}/accept")
	@Operation(summary = "Accept an invitation and choose what the coach may see")
	ResponseEntity<ApiResponse<RelationshipView>> accept(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody CoachingRequests.Share request) {
		RelationshipView accepted = this.coaching.acceptInvitation(userOf(token), id, request.sharedAreas());
		return ETags.ok(ApiResponse.of(accepted, "Invitation accepted"), accepted.version());
	}

	@PostMapping("/invitations/{id}/decline")
	@Operation(summary = "Decline an invitation")
	ApiResponse<Void> decline(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.coaching.declineInvitation(userOf(token), id);
		return ApiResponse.of(null, "Invitation declined");
	}

	@PostMapping("/invitations/redeem")
	@Operation(summary = "Accept an invitation by its code and choose what the coach may see",
			description = "A code works once and for 7 days; case, dashes and spaces do not matter.")
	ResponseEntity<ApiResponse<RelationshipView>> redeem(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody CoachingRequests.Redeem request) {
		RelationshipView accepted = this.coaching.redeem(userOf(token), request.code(), request.sharedAreas());
		return ETags.ok(ApiResponse.of(accepted, "Invitation accepted"), accepted.version());
	}

	@PostMapping("/requests")
	@Operation(summary = "Ask a coach to coach me",
			description = "By the coach's id or email, offering what I would share. Asking again while a request is "
					+ "pending answers 200 with that request.")
	ResponseEntity<ApiResponse<RelationshipView>> ask(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody CoachingRequests.AskCoach request) {
		CoachingManagement.Created<RelationshipView> asked = this.coaching.request(userOf(token), request.id(),
				request.coachId(), request.coachEmail(), request.sharedAreas(), request.message());
		return CoachApiController.created(asked.created(),
				ApiResponse.of(asked.value(), asked.created() ? "Request sent" : "A request is already pending"),
				asked.value().version());
	}

	@GetMapping("/requests/sent")
	@Operation(summary = "My pending requests to coaches")
	ApiResponse<List<RelationshipView>> sentRequests(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
		return ApiResponse.page(this.coaching.sentRequests(userOf(token),
				page.toPageable(Sort.by(Sort.Order.desc("createdAt")), LIST_SORTS)));
	}

	@GetMapping("/relationships/{id}")
	@Operation(summary = "A pending or active relationship I am part of",
			description = "The ETag is the version to send in If-Match.")
	ResponseEntity<ApiResponse<RelationshipView>> relationship(@AuthenticationPrincipal Jwt token,
			@PathVariable UUID id) {
		RelationshipView relationship = this.coaching.relationship(userOf(token), id);
		return ETags.ok(ApiResponse.of(relationship), relationship.version());
	}

	@PatchMapping("/relationships/{id}")
	@Operation(summary = "Change what my coach may see (clients)",
			description = "Effective at once. With If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<RelationshipView>> share(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody CoachingRequests.Share request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		RelationshipView changed = this.coaching.share(userOf(token), id, request.sharedAreas(), ifMatch);
		return ETags.ok(ApiResponse.of(changed, "Sharing updated"), changed.version());
	}

	@DeleteMapping("/relationships/{id}")
	@Operation(summary = "End a relationship, or take back or decline a pending invitation or request",
			description = "Either side may end it; the coach loses access at once.")
	ApiResponse<Void> end(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.coaching.end(userOf(token), id);
		return ApiResponse.of(null, "Relationship ended");
	}

	@GetMapping("/notes")
	@Operation(summary = "Session notes my coaches shared with me")
	ApiResponse<List<SessionNoteView>> sharedNotes(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
		return ApiResponse.page(this.coaching.sharedNotes(userOf(token),
				page.toPageable(Sort.by(Sort.Order.desc("createdAt")), NOTE_SORTS)));
	}

}
