package com.upcoach.identity.mfa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Component;

/**
 * Renders QR codes as PNG, for authenticator apps to scan an {@code otpauth://} link.
 */
@Component
public class QrCodes {

	/**
	 * Large enough to scan from a laptop screen, small enough for an inline data URI.
	 */
	private static final int DEFAULT_SIZE = 240;

	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.CHARACTER_SET,
			StandardCharsets.UTF_8.name(), EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
			EncodeHintType.MARGIN, 2);

	/**
	 * @param content the text to encode, UTF-8
	 * @param size the width and height in pixels
	 * @return the PNG image
	 */
	public byte[] png(String content, int size) {
		if (size <= 0) {
			throw new IllegalArgumentException("The size of a QR code must be positive, was " + size);
		}
		try {
			BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, HINTS);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", png);
			return png.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot fit the content in a QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param content the text to encode, UTF-8
	 * @return a {@code data:image/png;base64,} URI, for an {@code <img src>} that needs
	 * no extra request and leaves the secret out of any URL or log
	 */
	public String dataUri(String content) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(content, DEFAULT_SIZE));
	}

}
