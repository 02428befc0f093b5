package com.upcoach.platform.storage;

import java.io.InputStream;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	/**
	 * Store an object as part of the current transaction: it is deleted again unless the
	 * transaction commits, so a rolled-back upload leaves no orphan file.
	 * @return the number of bytes stored
	 */
	default long storeInTransaction(String key, InputStream content) {
		long stored = store(key, content);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					delete(key);
				}
			}

		});
		return stored;
	}

	Optional<Resource> load(String key);

	boolean delete(String key);

}
