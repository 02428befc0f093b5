package com.upcoach.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.StringUtils;

/**
 * Finds the HS256 secret: the configured one, else one generated on first start and kept
 * in the data directory so restarts do not sign everyone out.
 */
final class SigningKeys {

	private static final int MIN_SECRET_BYTES = 32;

	private SigningKeys() {
	}

	static SecretKey load(SecuritySettings.Jwt settings) {
		if (StringUtils.hasText(settings.secret())) {
			return keyOf(settings.secret().getBytes(StandardCharsets.UTF_8),
					"upcoach.security.jwt.secret (UPCOACH_SECURITY_JWT_SECRET)");
		}
		if (!StringUtils.hasText(settings.keyFile())) {
			throw new IllegalStateException(
					"No token signing secret: set UPCOACH_SECURITY_JWT_SECRET to at least 32 random bytes");
		}
		return keyOf(readOrCreate(Path.of(settings.keyFile())), settings.keyFile());
	}

	private static SecretKey keyOf(byte[] secret, String source) {
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException(
					"The token signing secret from " + source + " must be at least " + MIN_SECRET_BYTES + " bytes");
		}
		return new SecretKeySpec(secret, "HmacSHA256");
	}

	private static byte[] readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			byte[] secret = new byte[64];
			new SecureRandom().nextBytes(secret);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardOpenOption.CREATE_NEW);
			restrictToOwner(file);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the token signing key " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
