package com.upcoach.journal;

import java.util.Optional;

/**
 * Names the main emotion of a transcript. The offline default detects none; a provider
 * replaces it by configuration ({@code upcoach.journal.emotion.provider}).
 */
public interface EmotionDetector {

	/**
	 * @param text a transcript
	 * @return the emotion, e.g. {@code joy}, {@code sadness}, or empty when unknown
	 */
	Optional<String> detect(String text);

}
