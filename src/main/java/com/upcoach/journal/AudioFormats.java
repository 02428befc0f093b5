package com.upcoach.journal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import org.apache.tika.Tika;

/**
 * Decides what a recording is from its bytes, never from the name or content type the
 * client declares: WebM, Ogg, MP3, MP4/M4A and WAV are accepted, everything else is
 * refused with 415.
 */
final class AudioFormats {

	static final Set<String> ACCEPTED = Set.of("audio/webm", "audio/ogg", "audio/mpeg", "audio/mp4", "audio/wav");

	private static final Map<String, String> DETECTED = Map.ofEntries(Map.entry("audio/webm", "audio/webm"),
			Map.entry("video/webm", "audio/webm"), Map.entry("audio/ogg", "audio/ogg"),
			Map.entry("application/ogg", "audio/ogg"), Map.entry("audio/vorbis", "audio/ogg"),
			Map.entry("audio/opus", "audio/ogg"), Map.entry("audio/mpeg", "audio/mpeg"),
			Map.entry("audio/mp4", "audio/mp4"), Map.entry("audio/x-m4a", "audio/mp4"),
			Map.entry("audio/vnd.wave", "audio/wav"), Map.entry("audio/wav", "audio/wav"),
			Map.entry("audio/x-wav", "audio/wav"));

	/** ISO base media brands that audio recorders (browsers, phones) write. */
	private static final Set<String> MP4_AUDIO_BRANDS = Set.of("M4A ", "M4B ", "isom", "iso2", "iso5", "iso6", "mp41",
			"mp42", "dash");

	private static final int HEADER = 64;

	private static final Tika tika = new Tika();

	private AudioFormats() {
	}

	/**
	 * @return the content type the recording is served with
	 * @throws ApiException {@code UNSUPPORTED_MEDIA_TYPE} for anything but accepted audio
	 */
	static String sniff(InputStream content) {
		try (InputStream in = new BufferedInputStream(content)) {
			in.mark(HEADER);
			byte[] header = in.readNBytes(HEADER);
			in.reset();
			String detected = tika.detect(in);
			String type = DETECTED.get(detected);
			if (type == null && detected.equals("application/x-matroska") && contains(header, "webm")) {
				type = "audio/webm";
			}
			if (type == null && (detected.equals("video/mp4") || detected.equals("video/quicktime"))
					&& header.length >= 12 && MP4_AUDIO_BRANDS.contains(ascii(header, 8, 4))) {
				type = "audio/mp4";
			}
			if (type == null) {
				throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
						"The file is " + detected + ", not a recording; upload WebM, Ogg, MP3, MP4/M4A or WAV audio");
			}
			return type;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the upload", ex);
		}
	}

	private static boolean contains(byte[] header, String text) {
		return new String(header, StandardCharsets.ISO_8859_1).contains(text);
	}

	private static String ascii(byte[] header, int offset, int length) {
		return new String(header, offset, length, StandardCharsets.ISO_8859_1);
	}

}
