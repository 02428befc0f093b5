package com.upcoach.journal;

import org.springframework.core.io.Resource;

/**
 * Turns a voice entry's recording into text. The offline default transcribes nothing and
 * says so; a provider (a speech-to-text API, a local model) replaces it by configuration
 * ({@code upcoach.journal.transcription.provider}).
 */
public interface Transcriber {

	/**
	 * @param audio the recording
	 * @param contentType its sniffed content type
	 * @return the outcome; never null
	 */
	Transcription transcribe(Resource audio, String contentType);

	/**
	 * The outcome of a transcription.
	 *
	 * @param status {@code done}, {@code unavailable} or {@code failed}
	 * @param text the transcript, or null
	 * @param message why there is no transcript, in words, or null
	 */
	record Transcription(String status, String text, String message) {

		public static Transcription done(String text) {
			return new Transcription("done", text, null);
		}

		public static Transcription unavailable(String message) {
			return new Transcription("unavailable", null, message);
		}

		public static Transcription failed(String message) {
			return new Transcription("failed", null, message);
		}

	}

}
