package com.upcoach.journal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.upcoach.shared.UserId;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * What happens after an upload with a real provider plugged in: a transcript and its
 * emotion are stored, a failing provider leaves a message, and a recording that was
 * replaced or deleted meanwhile is left alone.
 */
class JournalTranscriptionTests {

	private final UUID user = UUID.randomUUID();

	private final UUID entry = UUID.randomUUID();

	private final Resource audio = new ByteArrayResource(AudioSamples.wav(10));

	private final JournalManagement journal = mock(JournalManagement.class);

	@Test
	void shouldStoreTheTranscriptAndTheEmotionAProviderFound() {
		given(this.journal.pendingAudio(new UserId(this.user), this.entry)).willReturn(Optional.of(this.audio));
		Transcriber transcriber = (resource, type) -> Transcriber.Transcription.done("What a lovely day");
		EmotionDetector emotions = (text) -> Optional.of(text.contains("lovely") ? "joy" : "neutral");
		new JournalTranscription(this.journal, transcriber, emotions).on(uploaded());
		verify(this.journal).recordTranscription(new UserId(this.user), this.entry,
				Transcriber.Transcription.done("What a lovely day"), "joy");
	}

	@Test
	void shouldSayWhenTheProviderFailed() {
		given(this.journal.pendingAudio(new UserId(this.user), this.entry)).willReturn(Optional.of(this.audio));
		Transcriber broken = (resource, type) -> {
			throw new IllegalStateException("speech service down");
		};
		new JournalTranscription(this.journal, broken, (text) -> Optional.empty()).on(uploaded());
		verify(this.journal).recordTranscription(new UserId(this.user), this.entry,
				Transcriber.Transcription.failed("The transcription service failed; upload again to retry"), null);
	}

	@Test
	void shouldUseTheOfflineDefaultsWhenNothingIsConfigured() {
		given(this.journal.pendingAudio(new UserId(this.user), this.entry)).willReturn(Optional.of(this.audio));
		OfflineTranscription defaults = new OfflineTranscription();
		new JournalTranscription(this.journal, defaults.offlineTranscriber(), defaults.offlineEmotionDetector())
			.on(uploaded());
		verify(this.journal).recordTranscription(new UserId(this.user), this.entry,
				Transcriber.Transcription.unavailable("No transcription service is configured"), null);
	}

	@Test
	void shouldLeaveAnEntryAloneWhoseRecordingNoLongerWaits() {
		given(this.journal.pendingAudio(new UserId(this.user), this.entry)).willReturn(Optional.empty());
		new JournalTranscription(this.journal, (resource, type) -> Transcriber.Transcription.done("x"),
				(text) -> Optional.empty())
			.on(uploaded());
		verify(this.journal, never()).recordTranscription(any(), eq(this.entry), any(), any());
	}

	private JournalAudioUploaded uploaded() {
		return new JournalAudioUploaded(this.user, this.entry, "audio/wav", Instant.now());
	}

}
