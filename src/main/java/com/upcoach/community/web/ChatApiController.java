package com.upcoach.community.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.upcoach.community.ChatChanges;
import com.upcoach.community.ChatManagement;
import com.upcoach.community.ChatView;
import com.upcoach.community.MemberChanges;
import com.upcoach.community.MemberView;
import com.upcoach.community.NewChat;
import com.upcoach.community.NewMembers;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.PageQuery;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.upcoach.platform.security.AccessTokens.userOf;

/**
 * Conversations and their members. A conversation the caller is not a member of answers
 * 404, whatever the call.
 */
@RestController
@RequestMapping("/api/v1/chats")
@Tag(name = "Chat")
class ChatApiController {

	private final ChatManagement chats;

	ChatApiController(ChatManagement chats) {
		this.chats = chats;
	}

	@GetMapping
	@Operation(summary = "My conversations",
			description = "The most recently active first, each with its newest message (lastMessage) and my "
					+ "unreadCount (messages by others after my read position). Not sortable otherwise.")
	ApiResponse<List<ChatView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
		return ApiResponse
			.page(this.chats.conversations(userOf(token), page.toPageable(ChatManagement.ACTIVITY, Set.of())));
	}

	@PostMapping
	@Operation(summary = "Start a conversation",
			description = "kind direct with userId: only with my coach or client (active relationship) or someone "
					+ "I share a group with, otherwise 403 FORBIDDEN with detail not_a_chat_partner; a pair has one "
					+ "direct conversation, so asking again answers 200 with it. kind group with a title: visibility "
					+ "private (coaches, with memberIds among their clients) or public (anyone; a community group "
					+ "that others can find and join). A retry of a group with the same id answers 200.")
	ResponseEntity<ApiResponse<ChatView>> create(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody NewChat request) {
		ChatManagement.Created<ChatView> chat = this.chats.create(userOf(token), request);
		return ResponseEntity.status(chat.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(ApiResponse.of(chat.value(), chat.created() ? "Conversation started" : "Conversation exists"));
	}

	@GetMapping("/public")
	@Operation(summary = "Community groups anyone can join",
			description = "The most recently active first; q searches the title (case-insensitive). myRole is "
					+ "null for groups I have not joined.")
	ApiResponse<List<ChatView>> publicGroups(@AuthenticationPrincipal Jwt token, @Valid PageQuery page,
			@RequestParam(name = "q", required = false) @Size(max = 100) String text) {
		return ApiResponse
			.page(this.chats.publicGroups(userOf(token), text, page.toPageable(ChatManagement.ACTIVITY, Set.of())));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of my conversations")
	ApiResponse<ChatView> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return ApiResponse.of(this.chats.chat(userOf(token), id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename a group", description = "Its owner and admins; a direct conversation answers 409.")
	ApiResponse<ChatView> rename(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody ChatChanges request) {
		return ApiResponse.of(this.chats.rename(userOf(token), id, request), "Group renamed");
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "The members and how far each has read",
			description = "The longest-standing first; lastReadMessageId/lastReadSeq: every message up to it is read.")
	ApiResponse<List<MemberView>> members(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid PageQuery page) {
		return ApiResponse.page(this.chats.members(userOf(token), id, page.toPageable(Sort.unsorted(), Set.of())));
	}

	@PostMapping("/{id}/members")
	@Operation(summary = "Add people to a group",
			description = "Its owner and admins. A coach's private group takes only the coach's clients, a public "
					+ "group people the adder may message; others answer 403 with the refused userIds[i]. People "
					+ "already in it are left as they are.")
	ApiResponse<ChatView> addMembers(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody NewMembers request) {
		return ApiResponse.of(this.chats.addMembers(userOf(token), id, request), "Members added");
	}

	@PatchMapping("/{id}/members/{userId}")
	@Operation(summary = "Make a member an admin or a plain member", description = "The group's owner only.")
	ApiResponse<MemberView> changeMember(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable UUID userId, @Valid @RequestBody MemberChanges request) {
		return ApiResponse.of(this.chats.changeMember(userOf(token), id, userId, request), "Role changed");
	}

	@DeleteMapping("/{id}/members/{userId}")
	@Operation(summary = "Remove someone from a group (or leave it, for my own id)",
			description = "The owner removes anyone, an admin plain members; nobody removes the owner.")
	ApiResponse<Void> removeMember(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable UUID userId) {
		this.chats.removeMember(userOf(token), id, userId);
		return ApiResponse.of(null, "Member removed");
	}

	@PostMapping("/{id}/leave")
	@Operation(summary = "Leave a group",
			description = "An owner who leaves hands the group to the longest-standing admin, or else member. A "
					+ "direct conversation cannot be left (409).")
	ApiResponse<Void> leave(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		this.chats.leave(userOf(token), id);
		return ApiResponse.of(null, "Left the group");
	}

	@PostMapping("/{id}/join")
	@Operation(summary = "Join a public group",
			description = "Joining again answers with the group; a private conversation answers 404.")
	ApiResponse<ChatView> join(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return ApiResponse.of(this.chats.join(userOf(token), id), "Joined the group");
	}

}
