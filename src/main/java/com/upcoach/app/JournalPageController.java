package com.upcoach.app;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import com.upcoach.journal.JournalEntryFilter;
import com.upcoach.journal.JournalManagement;
import com.upcoach.journal.NewJournalEntry;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.UserId;

import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The journal: write an entry, or record one in the browser (MediaRecorder) and play it
 * back, with its transcript once the transcriber has it.
 */
@Controller
@RequestMapping("/app/journal")
class JournalPageController {

	private static final int RECENT = 30;

	private final JournalManagement journal;

	private final TransactionTemplate transaction;

	private final Validator validator;

	JournalPageController(JournalManagement journal, TransactionTemplate transaction, Validator validator) {
		this.journal = journal;
		this.transaction = transaction;
		this.validator = validator;
	}

	@GetMapping
	String journal(UserId me, Model model) {
		return page(me, Map.of(), Map.of(), model);
	}

	@PostMapping
	String write(UserId me, @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		return FieldErrors.submit(errors, () -> {
			this.journal.create(me, FieldErrors.check(this.validator, new NewJournalEntry(null, "text",
					form.get("title"), form.get("body"), tags(form.getOrDefault("tags", "")), null, null), errors));
			return "redirect:/app/journal";
		}, () -> page(me, form, errors, model), response);
	}

	/**
	 * A recording from the page's recorder: the entry and its audio are saved together or
	 * not at all (a file that is not audio leaves no empty entry behind).
	 */
	@PostMapping("/recordings")
	ResponseEntity<Void> record(UserId me, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String title) {
		if (file == null || file.isEmpty()) {
			throw ApiException.validation("file", "The recording is empty");
		}
		NewJournalEntry entry = new NewJournalEntry(null, "voice", title, null, null, null, null);
		if (!this.validator.validate(entry).isEmpty()) {
			throw ApiException.validation("title", "The title may have at most 200 characters");
		}
		this.transaction.executeWithoutResult((status) -> {
			UUID id = this.journal.create(me, entry).entry().id();
			this.journal.attachAudio(me, id, file.getSize(), file, null);
		});
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	@GetMapping("/{id}/audio")
	ResponseEntity<Resource> audio(UserId me, @PathVariable UUID id) {
		JournalManagement.AudioContent audio = this.journal.audio(me, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(audio.contentType()))
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(audio.resource());
	}

	private String page(UserId me, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("entries",
				this.journal
					.list(me, new JournalEntryFilter(null, null, null, null, null),
							PageRequest.of(0, RECENT, JournalManagement.DEFAULT_SORT))
					.getContent());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "app/journal";
	}

	private static List<String> tags(String text) {
		List<String> tags = Arrays.stream(text.split(",")).map(String::strip).filter((tag) -> !tag.isEmpty()).toList();
		return tags.isEmpty() ? null : tags;
	}

}
