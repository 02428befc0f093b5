package com.upcoach.platform.storage;

import java.io.InputStream;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Stores objects under keys such as {@code avatars/2f1c…/original.png}. Keys are
 * relative, use {@code /} as separator and may not climb out of the store.
 */
public interface FileStorage {

	/**
	 * Store an object, replacing any with the same key.
	 * @return the number of bytes stored
	 */
	long store(String key, InputStream content);

	Optional<Resource> load(String key);

	boolean delete(String key);

}
