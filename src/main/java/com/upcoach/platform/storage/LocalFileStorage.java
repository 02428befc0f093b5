package com.upcoach.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

import com.upcoach.platform.api.ApiException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.PathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Files on the local disk. Writes go to a temporary file first and are moved into place,
 * so a reader never sees half an object.
 */
@Component
class LocalFileStorage implements FileStorage {

	private static final Pattern SAFE_KEY = Pattern
		.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*(/[A-Za-z0-9][A-Za-z0-9._\\-]*)*");

	private final Path root;

	LocalFileStorage(StorageSettings settings) {
		this.root = Path.of(settings.localRoot()).toAbsolutePath().normalize();
	}

	@Override
	public long store(String key, InputStream content) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
			try {
				long size = Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				return size;
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store " + key, ex);
		}
	}

	@Override
	public Optional<Resource> load(String key) {
		Path file = resolve(key);
		return Files.isRegularFile(file) ? Optional.of(new PathResource(file)) : Optional.empty();
	}

	@Override
	public boolean delete(String key) {
		try {
			return Files.deleteIfExists(resolve(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + key, ex);
		}
	}

	private Path resolve(String key) {
		if (key == null || key.length() > 512 || !SAFE_KEY.matcher(key).matches() || key.contains("..")) {
			throw ApiException.validation("key", "Invalid storage key");
		}
		Path resolved = this.root.resolve(key).normalize();
		if (!resolved.startsWith(this.root)) {
			throw ApiException.validation("key", "Invalid storage key");
		}
		return resolved;
	}

	/**
	 * Local storage settings.
	 *
	 * @param localRoot the directory objects are kept in
	 */
	@ConfigurationProperties("upcoach.storage")
	record StorageSettings(@DefaultValue("./data/files") String localRoot) {
	}

}
