package com.upcoach.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.upcoach.coaching.CoachAccess;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountManagement;
import com.upcoach.journal.domain.JournalEntry;
import com.upcoach.journal.domain.JournalEntryRepository;
import com.upcoach.mood.MoodManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.storage.FileStorage;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import jakarta.persistence.criteria.Predicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The journal module's API: a user's text and voice entries, their recordings, and a
 * coach's read-only view of a client's journal.
 */
@Service
public class JournalManagement {

	/** The sync resource type of a journal entry. */
	public static final String TYPE = "journal_entry";

	/** The longest body, in characters. */
	public static final int MAX_BODY = 20_000;

	/** The properties a list may be sorted by. */
	public static final Set<String> SORTABLE = Set.of("day", "createdAt", "updatedAt", "title");

	/** The default order of a list: newest day first. */
	public static final Sort DEFAULT_SORT = Sort.by(Sort.Order.desc("day"), Sort.Order.desc("createdAt"));

	static final String PENDING = "Waiting for transcription";

	private static final SecureRandom random = new SecureRandom();

	private final JournalEntryRepository entries;

	private final ChangeLog changeLog;

	private final AccountManagement accounts;

	private final MoodManagement mood;

	private final FileStorage storage;

	private final JournalSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<CoachAccess> coachAccess;

	JournalManagement(JournalEntryRepository entries, ChangeLog changeLog, AccountManagement accounts,
			MoodManagement mood, FileStorage storage, JournalSettings settings, Clock clock,
			ApplicationEventPublisher events, ObjectProvider<CoachAccess> coachAccess) {
		this.entries = entries;
		this.changeLog = changeLog;
		this.accounts = accounts;
		this.mood = mood;
		this.storage = storage;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.coachAccess = coachAccess;
	}

	/**
	 * The result of a create: the entry, and whether this call created it (false for a
	 * retry with the same id).
	 */
	public record Created(JournalEntryView entry, boolean created) {
	}

	/**
	 * A stored recording to stream.
	 *
	 * @param resource its bytes
	 * @param contentType the sniffed content type
	 */
	public record AudioContent(Resource resource, String contentType) {
	}

	/**
	 * Write an entry. A retry with the id of an entry the user already has returns it.
	 * @throws ApiException {@code CONFLICT} when the id belongs to another user or to a
	 * deleted entry, {@code VALIDATION_ERROR} for bad input
	 */
	@Transactional
	public Created create(UserId user, NewJournalEntry form) {
		long seq = this.changeLog.next(user);
		return create(user, form, seq);
	}

	Created create(UserId user, NewJournalEntry form, long seq) {
		UUID id = (form.id() != null) ? form.id() : UUID.randomUUID();
		if (form.id() != null) {
			JournalEntry existing = this.entries.findById(id).orElse(null);
			if (existing != null) {
				if (existing.owner().equals(user)) {
					return new Created(JournalEntryView.of(existing), false);
				}
				throw ApiException.conflict("The id " + id + " is already taken");
			}
			if (this.changeLog.isDeleted(TYPE, id)) {
				throw ApiException.conflict("The journal entry " + id + " was deleted");
			}
		}
		String kind = (form.kind() != null) ? form.kind() : "text";
		String body = (form.body() != null) ? form.body().strip() : "";
		if (kind.equals("text") && body.isEmpty()) {
			throw ApiException.validation("body", "a text entry needs a body");
		}
		JournalEntry entry = new JournalEntry(id, user, seq, kind, checkDay(user, form.day()));
		entry.setTitle(blankToNull(form.title()));
		entry.setBody(body);
		entry.setTags(normalise(form.tags()));
		entry.setMoodLogId(checkMoodLog(user, form.moodLogId()));
		return new Created(JournalEntryView.of(this.entries.saveAndFlush(entry)), true);
	}

	@Transactional(readOnly = true)
	public JournalEntryView get(UserId user, UUID id) {
		return JournalEntryView.of(owned(user, id));
	}

	/**
	 * A page of the user's entries, filtered by local days, kind, tag and text.
	 */
	@Transactional(readOnly = true)
	public Page<JournalEntryView> list(UserId user, JournalEntryFilter filter, Pageable pageable) {
		return this.entries.findAll(matching(user, filter), pageable).map(JournalEntryView::of);
	}

	/**
	 * Change the fields sent.
	 * @throws ApiException {@code PRECONDITION_FAILED} when the entry has moved on
	 */
	@Transactional
	public JournalEntryView update(UserId user, UUID id, JournalEntryChanges changes, String ifMatch) {
		long seq = this.changeLog.next(user);
		JournalEntry entry = owned(user, id);
		ETags.checkIfMatch(ifMatch, entry.getVersion());
		apply(user, entry, changes, seq);
		return JournalEntryView.of(entry);
	}

	/**
	 * @return whether anything changed
	 */
	boolean apply(UserId user, JournalEntry entry, JournalEntryChanges changes, long seq) {
		boolean changed = false;
		if (changes.title() != null || changes.clears("title")) {
			changed |= entry.setTitle(changes.clears("title") ? null : blankToNull(changes.title()));
		}
		if (changes.body() != null) {
			String body = changes.body().strip();
			if (entry.getKind().equals("text") && body.isEmpty()) {
				throw ApiException.validation("body", "a text entry needs a body");
			}
			changed |= entry.setBody(body);
		}
		if (changes.tags() != null) {
			changed |= entry.setTags(normalise(changes.tags()));
		}
		if (changes.day() != null) {
			changed |= entry.setDay(checkDay(user, changes.day()));
		}
		if (changes.moodLogId() != null || changes.clears("moodLogId")) {
			changed |= entry.setMoodLogId(changes.clears("moodLogId") ? null : checkMoodLog(user, changes.moodLogId()));
		}
		if (changed) {
			entry.stamp(seq);
			this.entries.saveAndFlush(entry);
		}
		return changed;
	}

	/**
	 * Delete an entry and its recording for good; sync clients learn it from a tombstone.
	 */
	@Transactional
	public void delete(UserId user, UUID id, String ifMatch) {
		this.changeLog.next(user);
		JournalEntry entry = owned(user, id);
		ETags.checkIfMatch(ifMatch, entry.getVersion());
		delete(entry);
	}

	void delete(JournalEntry entry) {
		this.entries.delete(entry);
		this.entries.flush();
		this.changeLog.deleted(entry.owner(), TYPE, entry.getId(), entry.getVersion());
		deleteAudioAfterCommit(entry.getAudioKey());
	}

	/**
	 * Attach a recording to an entry, replacing any earlier one; the entry becomes a
	 * voice entry and its transcription starts after commit.
	 * @param size the upload's size in bytes
	 * @param upload the bytes
	 * @throws ApiException {@code PAYLOAD_TOO_LARGE} above
	 * {@code upcoach.journal.max-audio-bytes}, {@code UNSUPPORTED_MEDIA_TYPE} for
	 * anything whose bytes are not accepted audio, whatever it claims to be
	 */
	@Transactional
	public JournalEntryView attachAudio(UserId user, UUID id, long size, InputStreamSource upload, String ifMatch) {
		long seq = this.changeLog.next(user);
		JournalEntry entry = owned(user, id);
		ETags.checkIfMatch(ifMatch, entry.getVersion());
		long max = this.settings.maxAudioBytes().toBytes();
		if (size > max) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
					"A recording may have at most " + max / (1024 * 1024) + " MB");
		}
		String contentType = AudioFormats.sniff(open(upload));
		String key = "journal/" + user.value() + "/" + HexFormat.of().formatHex(randomBytes());
		long stored;
		try (InputStream in = open(upload)) {
			stored = this.storage.storeInTransaction(key, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String previous = entry.attachAudio(key, contentType, stored, PENDING);
		deleteAudioAfterCommit(previous);
		entry.stamp(seq);
		this.entries.saveAndFlush(entry);
		this.events.publishEvent(new JournalAudioUploaded(user.value(), id, contentType, this.clock.instant()));
		return JournalEntryView.of(entry);
	}

	/**
	 * The recording of one of the user's entries.
	 * @throws NotFoundException when the entry is not theirs or has no recording
	 */
	@Transactional(readOnly = true)
	public AudioContent audio(UserId user, UUID id) {
		JournalEntry entry = owned(user, id);
		if (entry.getAudioKey() == null) {
			throw new NotFoundException("Recording of journal entry", id);
		}
		Resource resource = this.storage.load(entry.getAudioKey())
			.orElseThrow(() -> new NotFoundException("Recording of journal entry", id));
		return new AudioContent(resource, entry.getAudioContentType());
	}

	/**
	 * Store the outcome of a transcription, unless the entry got another recording since.
	 */
	@Transactional
	public void recordTranscription(UserId user, UUID id, Transcriber.Transcription result, String emotion) {
		long seq = this.changeLog.next(user);
		this.entries.findByIdAndUserId(id, user.value())
			.filter((entry) -> "pending".equals(entry.getTranscriptStatus()))
			.ifPresent((entry) -> {
				entry.transcribed(result.status(), result.text(), result.message(), emotion);
				entry.stamp(seq);
				this.entries.saveAndFlush(entry);
			});
	}

	/**
	 * Drop the links of the user's entries to a mood log that was deleted.
	 */
	@Transactional
	public void unlinkMoodLog(UserId user, UUID moodLogId) {
		long seq = this.changeLog.next(user);
		for (JournalEntry entry : this.entries.findByUserIdAndMoodLogId(user.value(), moodLogId)) {
			entry.setMoodLogId(null);
			entry.stamp(seq);
		}
	}

	/**
	 * A page of a client's entries, for a coach the client shares their journal with.
	 * @throws NotFoundException when the client does not share it with this coach
	 */
	@Transactional(readOnly = true)
	public Page<JournalEntryView> listForCoach(UserId coach, UserId client, JournalEntryFilter filter,
			Pageable pageable) {
		requireShared(coach, client);
		return list(client, filter, pageable);
	}

	@Transactional(readOnly = true)
	public JournalEntryView getForCoach(UserId coach, UserId client, UUID id) {
		requireShared(coach, client);
		return get(client, id);
	}

	@Transactional(readOnly = true)
	public AudioContent audioForCoach(UserId coach, UserId client, UUID id) {
		requireShared(coach, client);
		return audio(client, id);
	}

	/**
	 * The recording of an entry that waits for its transcript, if it still does.
	 */
	@Transactional(readOnly = true)
	public Optional<Resource> pendingAudio(UserId user, UUID id) {
		return this.entries.findByIdAndUserId(id, user.value())
			.filter((entry) -> "pending".equals(entry.getTranscriptStatus()) && entry.getAudioKey() != null)
			.flatMap((entry) -> this.storage.load(entry.getAudioKey()));
	}

	JournalEntry owned(UserId user, UUID id) {
		return this.entries.findByIdAndUserId(id, user.value())
			.orElseThrow(() -> new NotFoundException("Journal entry", id));
	}

	private void requireShared(UserId coach, UserId client) {
		CoachAccess access = this.coachAccess.getIfAvailable();
		if (access == null || !access.canView(coach, client, SharedArea.JOURNAL)) {
			throw new NotFoundException("Client", client);
		}
	}

	private void deleteAudioAfterCommit(String key) {
		if (key == null) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				JournalManagement.this.storage.delete(key);
			}
		});
	}

	private LocalDate checkDay(UserId user, LocalDate day) {
		LocalDate today = this.accounts.profile(user).calendar().today(this.clock);
		if (day == null) {
			return today;
		}
		if (day.isAfter(today)) {
			throw ApiException.validation("day", "must not be after today (" + today + ")");
		}
		return day;
	}

	private UUID checkMoodLog(UserId user, UUID moodLogId) {
		if (moodLogId != null && !this.mood.exists(user, moodLogId)) {
			throw ApiException.validation("moodLogId", "no such mood log");
		}
		return moodLogId;
	}

	private static InputStream open(InputStreamSource upload) {
		try {
			return upload.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the upload", ex);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return bytes;
	}

	private static Specification<JournalEntry> matching(UserId user, JournalEntryFilter filter) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(cb.equal(root.get("userId"), user.value()));
			if (filter.from() != null) {
				where.add(cb.greaterThanOrEqualTo(root.get("day"), filter.from()));
			}
			if (filter.to() != null) {
				where.add(cb.lessThanOrEqualTo(root.get("day"), filter.to()));
			}
			if (filter.kind() != null) {
				where.add(cb.equal(root.get("kind"), filter.kind()));
			}
			if (filter.tag() != null && !filter.tag().isBlank()) {
				where.add(cb.isMember(normaliseTag(filter.tag()), root.<Set<String>>get("tags")));
			}
			if (filter.text() != null && !filter.text().isBlank()) {
				String pattern = "%" + filter.text()
					.strip()
					.toLowerCase(Locale.ROOT)
					.replace("\\", "\\\\")
					.replace("%", "\\%")
					.replace("_", "\\_") + "%";
				where.add(cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'),
						cb.like(cb.lower(root.get("body")), pattern, '\\')));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	static Set<String> normalise(List<String> tags) {
		Set<String> normalised = new LinkedHashSet<>();
		if (tags != null) {
			for (String tag : tags) {
				String clean = normaliseTag(tag);
				if (clean.isEmpty() || clean.length() > 30) {
					throw ApiException.validation("tags", "a tag has 1–30 characters");
				}
				normalised.add(clean);
			}
		}
		return normalised;
	}

	private static String normaliseTag(String tag) {
		return (tag != null) ? tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
