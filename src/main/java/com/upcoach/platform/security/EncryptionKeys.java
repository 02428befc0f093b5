package com.upcoach.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.StringUtils;

/**
 * Finds the AES keys: the configured one, else one generated on first start and kept in
 * the data directory so restarts can still read what was encrypted; then the previous
 * keys, which only decrypt.
 */
final class EncryptionKeys {

	private static final int KEY_BYTES = 32;

	private EncryptionKeys() {
	}

	/**
	 * @return the current key first, then the previous keys in their configured order
	 */
	static List<SecretKey> load(EncryptionSettings settings) {
		List<SecretKey> keys = new ArrayList<>();
		keys.add(current(settings));
		for (int i = 0; i < settings.previousKeys().size(); i++) {
			keys.add(keyOf(settings.previousKeys().get(i), "upcoach.security.encryption.previous-keys[" + i + "]"));
		}
		return List.copyOf(keys);
	}

	private static SecretKey current(EncryptionSettings settings) {
		if (StringUtils.hasText(settings.key())) {
			return keyOf(settings.key(), "upcoach.security.encryption.key (UPCOACH_ENCRYPTION_KEY)");
		}
		if (!StringUtils.hasText(settings.keyFile())) {
			throw new IllegalStateException(
					"No encryption key: set UPCOACH_ENCRYPTION_KEY to the Base64 of 32 random bytes");
		}
		Path file = Path.of(settings.keyFile());
		return keyOf(readOrCreate(file), file.toString());
	}

	private static SecretKey keyOf(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			// Not chained: the decoder's message quotes a character of the secret.
			throw notAKey(source);
		}
		if (key.length != KEY_BYTES) {
			throw notAKey(source);
		}
		return new SecretKeySpec(key, "AES");
	}

	private static IllegalStateException notAKey(String source) {
		return new IllegalStateException(
				"The encryption key from " + source + " must be the Base64 of exactly " + KEY_BYTES + " bytes");
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file);
			}
			byte[] key = new byte[KEY_BYTES];
			new SecureRandom().nextBytes(key);
			String encoded = Base64.getEncoder().encodeToString(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			createOwnerOnly(file);
			Files.writeString(file, encoded);
			return encoded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the encryption key " + file, ex);
		}
	}

	/**
	 * Created with owner-only permissions rather than restricted after writing, so the
	 * key is never readable by others, even briefly.
	 */
	private static void createOwnerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
	}

}
