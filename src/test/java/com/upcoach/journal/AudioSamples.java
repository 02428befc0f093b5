package com.upcoach.journal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Small recordings and impostors built byte by byte, the way the formats begin.
 */
final class AudioSamples {

	private AudioSamples() {
	}

	/**
	 * A valid PCM WAV file: 8 kHz, mono, 16-bit, a 440 Hz tone.
	 */
	static byte[] wav(int samples) {
		ByteBuffer buffer = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put(ascii("RIFF")).putInt(36 + samples * 2).put(ascii("WAVE"));
		buffer.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000);
		buffer.putShort((short) 2).putShort((short) 16);
		buffer.put(ascii("data")).putInt(samples * 2);
		for (int i = 0; i < samples; i++) {
			buffer.putShort((short) (Math.sin(2 * Math.PI * 440 * i / 8000.0) * 8000));
		}
		return buffer.array();
	}

	/**
	 * The first page of an Ogg Opus stream, as a browser's recorder writes it.
	 */
	static byte[] ogg() {
		return concat(ascii("OggS"), bytes(0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 19),
				ascii("OpusHead"), bytes(1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0), new byte[256]);
	}

	/**
	 * The EBML header of a WebM file as Chrome's MediaRecorder writes it.
	 */
	static byte[] webm() {
		return concat(
				bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0xf7, 0x81, 1, 0x42, 0xf2, 0x81, 4, 0x42,
						0xf3, 0x81, 8, 0x42, 0x82, 0x84),
				ascii("webm"), bytes(0x42, 0x87, 0x81, 4, 0x42, 0x85, 0x81, 2), new byte[256]);
	}

	/**
	 * An MP3 with an ID3v2 tag and one frame header.
	 */
	static byte[] mp3() {
		return concat(ascii("ID3"), bytes(3, 0, 0, 0, 0, 0, 0), bytes(0xff, 0xfb, 0x90, 0x64), new byte[413]);
	}

	/**
	 * The start of an M4A (AAC in MP4) file.
	 */
	static byte[] m4a() {
		return concat(bytes(0, 0, 0, 0x20), ascii("ftypM4A "), bytes(0, 0, 0, 0), ascii("M4A mp42isom"),
				bytes(0, 0, 0, 8), ascii("free"), new byte[256]);
	}

	/**
	 * A Matroska video (not WebM).
	 */
	static byte[] matroska() {
		return concat(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0xf7, 0x81, 1, 0x42, 0xf2, 0x81, 4,
				0x42, 0xf3, 0x81, 8, 0x42, 0x82, 0x88), ascii("matroska"), new byte[256]);
	}

	static byte[] png() {
		return concat(bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), ascii("IHDR"),
				bytes(0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89), new byte[64]);
	}

	static byte[] text() {
		return "Dear diary, this is not a recording at all.\n".getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
