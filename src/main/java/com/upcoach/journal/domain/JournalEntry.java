package com.upcoach.journal.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

/**
 * A journal entry: text, or a voice recording with its transcript.
 */
@Entity
@Table(name = "journal_entries")
public class JournalEntry extends SyncedEntity {

	private String kind;

	private String title;

	private String body;

	@Column(name = "local_day", nullable = false)
	private LocalDate day;

	@Column(name = "mood_log_id")
	private UUID moodLogId;

	@Column(name = "audio_key")
	private String audioKey;

	@Column(name = "audio_content_type")
	private String audioContentType;

	@Column(name = "audio_size")
	private Long audioSize;

	private String transcript;

	@Column(name = "transcript_status")
	private String transcriptStatus;

	@Column(name = "transcript_message")
	private String transcriptMessage;

	private String emotion;

	@ElementCollection
	@CollectionTable(name = "journal_entry_tags", joinColumns = @JoinColumn(name = "journal_entry_id"))
	@Column(name = "tag")
	@BatchSize(size = 100)
	private Set<String> tags = new LinkedHashSet<>();

	protected JournalEntry() {
	}

	public JournalEntry(UUID id, UserId owner, long syncSeq, String kind, LocalDate day) {
		super(id, owner, syncSeq);
		this.kind = kind;
		this.day = day;
		this.body = "";
	}

	public String getKind() {
		return this.kind;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	public LocalDate getDay() {
		return this.day;
	}

	public UUID getMoodLogId() {
		return this.moodLogId;
	}

	public String getAudioKey() {
		return this.audioKey;
	}

	public String getAudioContentType() {
		return this.audioContentType;
	}

	public Long getAudioSize() {
		return this.audioSize;
	}

	public String getTranscript() {
		return this.transcript;
	}

	public String getTranscriptStatus() {
		return this.transcriptStatus;
	}

	public String getTranscriptMessage() {
		return this.transcriptMessage;
	}

	public String getEmotion() {
		return this.emotion;
	}

	/**
	 * @return the tags in alphabetical order
	 */
	public List<String> getTags() {
		List<String> sorted = new ArrayList<>(this.tags);
		sorted.sort(null);
		return sorted;
	}

	public boolean setTitle(String title) {
		boolean changed = !Objects.equals(this.title, title);
		this.title = title;
		return changed;
	}

	public boolean setBody(String body) {
		boolean changed = !Objects.equals(this.body, body);
		this.body = body;
		return changed;
	}

	public boolean setDay(LocalDate day) {
		boolean changed = !Objects.equals(this.day, day);
		this.day = day;
		return changed;
	}

	public boolean setMoodLogId(UUID moodLogId) {
		boolean changed = !Objects.equals(this.moodLogId, moodLogId);
		this.moodLogId = moodLogId;
		return changed;
	}

	public boolean setTags(Set<String> tags) {
		if (this.tags.equals(tags)) {
			return false;
		}
		this.tags.clear();
		this.tags.addAll(tags);
		return true;
	}

	/**
	 * Attach a new recording: the entry becomes a voice entry waiting for its transcript.
	 * @return the key of the recording it replaces, or null
	 */
	public String attachAudio(String key, String contentType, long size, String pendingMessage) {
		String previous = this.audioKey;
		this.kind = "voice";
		this.audioKey = key;
		this.audioContentType = contentType;
		this.audioSize = size;
		this.transcript = null;
		this.transcriptStatus = "pending";
		this.transcriptMessage = pendingMessage;
		this.emotion = null;
		return previous;
	}

	public void transcribed(String status, String transcript, String message, String emotion) {
		this.transcriptStatus = status;
		this.transcript = transcript;
		this.transcriptMessage = message;
		this.emotion = emotion;
	}

}
