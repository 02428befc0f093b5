package com.upcoach.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Encryption of secrets at rest ({@code upcoach.security.encryption.*}).
 *
 * @param key the AES-256 key, Base64 of exactly 32 random bytes; required with several
 * nodes and in production
 * @param keyFile where a single node keeps a generated key when none is configured; empty
 * to require {@code key}
 * @param previousKeys keys that were replaced, Base64 like {@code key}: they still
 * decrypt what they encrypted but never encrypt
 */
@ConfigurationProperties("upcoach.security.encryption")
record EncryptionSettings(String key, @DefaultValue("./data/encryption-key") String keyFile,
		@DefaultValue List<String> previousKeys) {
}
