package com.upcoach.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.upcoach.platform.api.ApiException;

import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalFileStorageTests {

	@TempDir
	Path root;

	@Test
	void shouldStoreLoadAndDeleteAnObject() throws IOException {
		LocalFileStorage storage = storage();
		long size = storage.store("avatars/u1/original.png", stream("picture"));
		assertThat(size).isEqualTo(7);
		Resource loaded = storage.load("avatars/u1/original.png").orElseThrow();
		assertThat(loaded.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("picture");
		assertThat(storage.delete("avatars/u1/original.png")).isTrue();
		assertThat(storage.load("avatars/u1/original.png")).isEmpty();
	}

	@Test
	void shouldReplaceAnObjectWithoutLeavingTemporaryFiles() throws IOException {
		LocalFileStorage storage = storage();
		storage.store("notes/a.txt", stream("first"));
		storage.store("notes/a.txt", stream("second"));
		assertThat(storage.load("notes/a.txt").orElseThrow().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("second");
		try (var files = Files.list(this.root.resolve("notes"))) {
			assertThat(files).extracting((path) -> path.getFileName().toString()).containsExactly("a.txt");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "../secret", "a/../../secret", "/etc/passwd", "a//b", "", ".hidden", "a\\b" })
	void shouldRefuseKeysThatCouldEscapeTheStore(String key) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> storage().store(key, stream("x")));
		assertThat(this.root.getParent().resolve("secret")).doesNotExist();
	}

	private LocalFileStorage storage() {
		return new LocalFileStorage(new LocalFileStorage.StorageSettings(this.root.toString()));
	}

	private static ByteArrayInputStream stream(String content) {
		return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
	}

}
