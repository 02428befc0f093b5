package com.upcoach.journal;

import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The defaults when no speech or emotion service is configured: entries keep an empty
 * transcript with a message saying why.
 */
@Configuration(proxyBeanMethods = false)
class OfflineTranscription {

	static final String NO_SERVICE = "No transcription service is configured";

	@Bean
	@ConditionalOnProperty(name = "upcoach.journal.transcription.provider", havingValue = "none", matchIfMissing = true)
	Transcriber offlineTranscriber() {
		return (audio, contentType) -> Transcriber.Transcription.unavailable(NO_SERVICE);
	}

	@Bean
	@ConditionalOnProperty(name = "upcoach.journal.emotion.provider", havingValue = "none", matchIfMissing = true)
	EmotionDetector offlineEmotionDetector() {
		return (text) -> Optional.empty();
	}

}
