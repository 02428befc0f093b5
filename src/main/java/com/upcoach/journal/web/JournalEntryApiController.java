package com.upcoach.journal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.upcoach.journal.JournalEntryChanges;
import com.upcoach.journal.JournalEntryFilter;
import com.upcoach.journal.JournalEntryView;
import com.upcoach.journal.JournalManagement;
import com.upcoach.journal.NewJournalEntry;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.PageQuery;
import com.upcoach.platform.ratelimit.RateLimit;
import com.upcoach.platform.ratelimit.RateLimitType;
import com.upcoach.platform.security.AccessTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/journal-entries")
@Tag(name = "Journal")
class JournalEntryApiController {

	private final JournalManagement journal;

	JournalEntryApiController(JournalManagement journal) {
		this.journal = journal;
	}

	@GetMapping
	@Operation(summary = "List the signed-in user's journal entries",
			description = "Filter by local day (from, to, inclusive), kind, tag and text in the title or body (q); "
					+ "sort by day (default, newest first), createdAt, updatedAt or title.")
	ApiResponse<List<JournalEntryView>> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery page,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Pattern(regexp = "text|voice",
					message = "must be text or voice") String kind,
			@RequestParam(required = false) @Size(max = 30) String tag,
			@RequestParam(name = "q", required = false) @Size(max = 100) String text) {
		return ApiResponse
			.page(this.journal.list(AccessTokens.userOf(token), new JournalEntryFilter(from, to, kind, tag, text),
					page.toPageable(JournalManagement.DEFAULT_SORT, JournalManagement.SORTABLE)));
	}

	@PostMapping
	@Operation(summary = "Write a journal entry",
			description = "A text entry needs a body; a voice entry gets its recording from POST /{id}/audio. A "
					+ "retry with the same client id returns the existing entry (200) instead of a duplicate.")
	ResponseEntity<ApiResponse<JournalEntryView>> create(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody NewJournalEntry request) {
		JournalManagement.Created result = this.journal.create(AccessTokens.userOf(token), request);
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.ETAG, ETags.of(result.entry().version()))
			.body(ApiResponse.of(result.entry(),
					result.created() ? "Journal entry saved" : "Journal entry already recorded"));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One journal entry", description = "The ETag is the version to send in If-Match.")
	ResponseEntity<ApiResponse<JournalEntryView>> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		JournalEntryView entry = this.journal.get(AccessTokens.userOf(token), id);
		return ETags.ok(ApiResponse.of(entry), entry.version());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a journal entry",
			description = "Only the fields sent change; name title or moodLogId in 'clear' to remove them. With "
					+ "If-Match, a stale version answers 412.")
	ResponseEntity<ApiResponse<JournalEntryView>> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@Valid @RequestBody JournalEntryChanges request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		JournalEntryView entry = this.journal.update(AccessTokens.userOf(token), id, request, ifMatch);
		return ETags.ok(ApiResponse.of(entry, "Journal entry updated"), entry.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a journal entry and its recording",
			description = "With If-Match, a stale version answers 412.")
	ApiResponse<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.journal.delete(AccessTokens.userOf(token), id, ifMatch);
		return ApiResponse.of(null, "Journal entry deleted");
	}

	@PostMapping(path = "/{id}/audio", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RateLimit(RateLimitType.UPLOAD)
	@Operation(summary = "Attach a recording to a journal entry",
			description = "Multipart field 'file'. The bytes decide the type, not the name or declared type: WebM, "
					+ "Ogg, MP3, MP4/M4A and WAV are accepted, anything else answers 415; above "
					+ "upcoach.journal.max-audio-bytes (20 MB by default) 413. A new recording replaces the old one "
					+ "and transcription starts in the background (transcriptStatus pending). Rate-limited as an upload.")
	ResponseEntity<ApiResponse<JournalEntryView>> upload(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		if (file == null) {
			throw ApiException.validation("file", "must be a file part");
		}
		JournalEntryView entry = this.journal.attachAudio(AccessTokens.userOf(token), id, file.getSize(), file,
				ifMatch);
		return ETags.ok(ApiResponse.of(entry, "Recording saved"), entry.version());
	}

	@GetMapping("/{id}/audio")
	@Operation(summary = "Stream a journal entry's recording",
			description = "Supports Range requests: 206 Partial Content for a satisfiable range, 416 otherwise.")
	ResponseEntity<Resource> audio(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		return stream(this.journal.audio(AccessTokens.userOf(token), id));
	}

	static ResponseEntity<Resource> stream(JournalManagement.AudioContent audio) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(audio.contentType()))
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(audio.resource());
	}

}
