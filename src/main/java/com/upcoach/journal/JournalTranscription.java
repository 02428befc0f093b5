package com.upcoach.journal;

import com.upcoach.mood.MoodLogDeleted;
import com.upcoach.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Transcribes a recording after its upload commits (asynchronously, durably through the
 * event publication registry), detects the emotion of the transcript, and drops links to
 * deleted mood logs.
 */
@Component
class JournalTranscription {

	private static final Logger logger = LoggerFactory.getLogger(JournalTranscription.class);

	private final JournalManagement journal;

	private final Transcriber transcriber;

	private final EmotionDetector emotions;

	JournalTranscription(JournalManagement journal, Transcriber transcriber, EmotionDetector emotions) {
		this.journal = journal;
		this.transcriber = transcriber;
		this.emotions = emotions;
	}

	@ApplicationModuleListener
	void on(JournalAudioUploaded uploaded) {
		UserId user = new UserId(uploaded.userId());
		this.journal.pendingAudio(user, uploaded.entryId()).ifPresent((audio) -> {
			Transcriber.Transcription result;
			String emotion = null;
			try {
				result = this.transcriber.transcribe(audio, uploaded.contentType());
				if ("done".equals(result.status()) && result.text() != null && !result.text().isBlank()) {
					emotion = this.emotions.detect(result.text()).orElse(null);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Transcription of journal entry {} failed", uploaded.entryId(), ex);
				result = Transcriber.Transcription.failed("The transcription service failed; upload again to retry");
			}
			this.journal.recordTranscription(user, uploaded.entryId(), result, emotion);
		});
	}

	@ApplicationModuleListener
	void on(MoodLogDeleted deleted) {
		this.journal.unlinkMoodLog(new UserId(deleted.userId()), deleted.moodLogId());
	}

}
