package com.upcoach.journal;

import java.io.ByteArrayInputStream;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AudioFormatsTests {

	@Test
	void shouldRecogniseEachAcceptedRecordingFormatFromItsBytes() {
		assertThat(sniff(AudioSamples.wav(100))).isEqualTo("audio/wav");
		assertThat(sniff(AudioSamples.ogg())).isEqualTo("audio/ogg");
		assertThat(sniff(AudioSamples.webm())).isEqualTo("audio/webm");
		assertThat(sniff(AudioSamples.mp3())).isEqualTo("audio/mpeg");
		assertThat(sniff(AudioSamples.m4a())).isEqualTo("audio/mp4");
	}

	@Test
	void shouldRefuseImagesTextMatroskaVideoAndEmptyFiles() {
		for (byte[] impostor : new byte[][] { AudioSamples.png(), AudioSamples.text(), AudioSamples.matroska(),
				new byte[0] }) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> sniff(impostor))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
		}
	}

	private static String sniff(byte[] bytes) {
		return AudioFormats.sniff(new ByteArrayInputStream(bytes));
	}

}
