package com.upcoach.community.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.upcoach.community.AttachmentView;
import com.upcoach.community.ChatManagement;
import com.upcoach.community.MessageChanges;
import com.upcoach.community.MessagePage;
import com.upcoach.community.MessageView;
import com.upcoach.community.NewMessage;
import com.upcoach.community.ReadMarker;
import com.upcoach.community.ReadReceipt;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.ratelimit.RateLimit;
import com.upcoach.platform.ratelimit.RateLimitType;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

import static com.upcoach.platform.security.AccessTokens.userOf;

/**
 * Messages, read positions and files of a conversation; members only (404 for everyone
 * else). Each change also reaches the room {@code chat:{id}} in realtime.
 */
@RestController
@RequestMapping("/api/v1/chats/{id}")
@Tag(name = "Chat")
class ChatMessageApiController {

	private final ChatManagement chats;

	ChatMessageApiController(ChatManagement chats) {
		this.chats = chats;
	}

	@GetMapping("/messages")
	@Operation(summary = "Message history, newest first, by cursor",
			description = "Without a cursor the newest messages; before=<cursor> the older ones, after=<cursor> "
					+ "the newer ones (the oldest of them first taken, so reading forward misses nothing). The "
					+ "answer's before and after are the cursors to continue with; hasMore says whether more exist "
					+ "in the direction asked. Cursors are opaque strings. Deleted messages stay as tombstones "
					+ "(deleted: true, no text).")
	ApiResponse<MessagePage> messages(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Parameter(description = "Cursor: messages older than this") @RequestParam(required = false) String before,
			@Parameter(description = "Cursor: messages newer than this") @RequestParam(required = false) String after,
			@Parameter(description = "At most this many, 1–100 (default 50)") @RequestParam(
					defaultValue = "50") @Min(1) @Max(ChatManagement.MAX_PAGE) int limit) {
		return ApiResponse.of(this.chats.messages(userOf(token), id, before, after, limit));
	}

	@PostMapping("/messages")
	@Operation(summary = "Post a message",
			description = "text (≤ 4000 characters) and/or attachmentIds from POST /attachments. Send a "
					+ "client-generated id: a retry with it answers 200 with the message posted the first time. In a "
					+ "direct conversation whose two people may no longer talk (relationship ended, no shared group) "
					+ "403 FORBIDDEN with detail not_a_chat_partner.")
	ResponseEntity<ApiResponse<MessageView>> post(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody NewMessage request) {
		ChatManagement.Created<MessageView> message = this.chats.post(userOf(token), id, request);
		return ResponseEntity.status(message.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(ApiResponse.of(message.value(), message.created() ? "Message posted" : "Message already posted"));
	}

	@PatchMapping("/messages/{messageId}")
	@Operation(summary = "Edit my message", description = "Marks it edited (editedAt). Others' messages answer 403.")
	ApiResponse<MessageView> edit(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable UUID messageId, @Valid @RequestBody MessageChanges request) {
		return ApiResponse.of(this.chats.edit(userOf(token), id, messageId, request), "Message edited");
	}

	@DeleteMapping("/messages/{messageId}")
	@Operation(summary = "Delete a message",
			description = "Mine; in a group also its owner and admins; platform admins anywhere (moderation). The "
					+ "message stays as a tombstone without text or files.")
	ApiResponse<MessageView> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable UUID messageId) {
		return ApiResponse.of(this.chats.delete(userOf(token), id, messageId), "Message deleted");
	}

	@PostMapping("/read")
	@Operation(summary = "Mark the conversation read up to a message",
			description = "The read position only moves forward; the answer is where it stands.")
	ApiResponse<ReadReceipt> read(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody ReadMarker request) {
		return ApiResponse.of(this.chats.read(userOf(token), id, request.messageId()));
	}

	@PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RateLimit(RateLimitType.UPLOAD)
	@Operation(summary = "Upload a file to send with a message",
			description = "Multipart field 'file'. The bytes decide the type, not the name or declared type: images "
					+ "(PNG, JPEG, GIF, WebP), PDF, plain text and audio by default (upcoach.community.attachment-types), "
					+ "anything else 415; above upcoach.community.max-attachment-bytes (10 MB) 413. Send the answer's "
					+ "id in a message's attachmentIds; until then only I can download it.")
	ResponseEntity<ApiResponse<AttachmentView>> upload(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		if (file == null) {
			throw ApiException.validation("file", "must be a file part");
		}
		AttachmentView attachment = this.chats.upload(userOf(token), id, file.getSize(), file.getOriginalFilename(),
				file);
		return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.of(attachment, "File uploaded"));
	}

	@GetMapping("/attachments/{attachmentId}")
	@Operation(summary = "Download a file of the conversation",
			description = "Images are served inline, everything else as a download.")
	ResponseEntity<Resource> download(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		return this.chats.attachment(userOf(token), id, attachmentId).download();
	}

}
