package com.upcoach.community;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.apache.tika.Tika;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;

/**
 * Decides what an uploaded file is from its bytes (Apache Tika), never from the name or
 * content type the client declares, so an HTML page or a script called {@code cat.png} is
 * refused with 415.
 */
final class AttachmentFormats {

	private static final Tika tika = new Tika();

	/** Names Tika gives some formats, mapped to the one we serve them with. */
	private static final Map<String, String> ALIASES = Map.of("audio/vnd.wave", "audio/wav", "audio/x-wav", "audio/wav",
			"application/ogg", "audio/ogg", "audio/vorbis", "audio/ogg", "audio/opus", "audio/ogg", "audio/x-m4a",
			"audio/mp4", "video/webm", "audio/webm");

	private AttachmentFormats() {
	}

	/**
	 * @return the content type the file is served with
	 * @throws ApiException {@code UNSUPPORTED_MEDIA_TYPE} for a type not accepted
	 */
	static String sniff(InputStream content, Set<String> accepted) {
		try (InputStream in = new BufferedInputStream(content)) {
			String detected = tika.detect(in);
			String type = ALIASES.getOrDefault(detected, detected);
			if (!accepted.contains(type)) {
				throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
						"The file is " + detected + ", which cannot be shared here; accepted: "
								+ String.join(", ", accepted.stream().sorted().toList()));
			}
			return type;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the upload", ex);
		}
	}

}
