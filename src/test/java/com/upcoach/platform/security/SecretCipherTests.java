package com.upcoach.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	private static final String KEY = key(1);

	private static final String OLD_KEY = key(2);

	private static final String SECRET = "JBSWY3DPEHPK3PXP";

	private final SecretCipher cipher = cipher(KEY);

	@Test
	void shouldDecryptWhatItEncrypted() {
		assertThat(this.cipher.decrypt(this.cipher.encrypt(SECRET))).isEqualTo(SECRET);
		assertThat(this.cipher.decrypt(this.cipher.encrypt("zoë ✓"))).isEqualTo("zoë ✓");
	}

	@Test
	void shouldStoreAVersionedIvCiphertextAndTag() {
		String stored = this.cipher.encrypt(SECRET);
		assertThat(stored).startsWith("v1:").doesNotContain(SECRET);
		assertThat(Base64.getDecoder().decode(stored.substring(3))).hasSize(12 + SECRET.length() + 16);
	}

	@Test
	void shouldNeverEncryptTheSameSecretTheSameWayTwice() {
		String first = this.cipher.encrypt(SECRET);
		String second = this.cipher.encrypt(SECRET);
		assertThat(first).isNotEqualTo(second);
		assertThat(ivOf(first)).isNotEqualTo(ivOf(second));
		assertThat(this.cipher.decrypt(second)).isEqualTo(SECRET);
	}

	@Test
	void shouldDetectAnyAlteredByteWithoutRevealingTheSecret() {
		byte[] stored = Base64.getDecoder().decode(this.cipher.encrypt(SECRET).substring(3));
		for (int i = 0; i < stored.length; i++) {
			byte[] altered = stored.clone();
			altered[i] ^= 0x01;
			String tampered = "v1:" + Base64.getEncoder().encodeToString(altered);
			assertThatIllegalStateException().as("byte %d altered", i)
				.isThrownBy(() -> this.cipher.decrypt(tampered))
				.withMessageNotContaining(SECRET);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "JBSWY3DPEHPK3PXP", "v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1:not base64!",
			"v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" })
	void shouldRefuseValuesItDidNotWrite(String stored) {
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(stored));
	}

	@Test
	void shouldRefuseAValueEncryptedWithAnotherKey() {
		String stored = cipher(OLD_KEY).encrypt(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(stored))
			.withMessageContaining("unknown key");
	}

	@Test
	void shouldDecryptWithAPreviousKeyAfterRotation() {
		String beforeRotation = cipher(OLD_KEY).encrypt(SECRET);
		SecretCipher rotated = new SecretCipher(new EncryptionSettings(KEY, "", List.of(key(3), OLD_KEY)));
		assertThat(rotated.decrypt(beforeRotation)).isEqualTo(SECRET);
		String afterRotation = rotated.encrypt(SECRET);
		assertThat(this.cipher.decrypt(afterRotation)).as("new values use the current key").isEqualTo(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> cipher(OLD_KEY).decrypt(afterRotation));
	}

	@ParameterizedTest
	@ValueSource(ints = { 16, 31, 33, 64 })
	void shouldRefuseToStartWithAKeyThatIsNot32Bytes(int length) {
		String wrong = Base64.getEncoder().encodeToString(new byte[length]);
		assertThatIllegalStateException().isThrownBy(() -> cipher(wrong))
			.withMessageContaining("UPCOACH_ENCRYPTION_KEY")
			.withMessageContaining("exactly 32 bytes")
			.withMessageNotContaining(wrong);
	}

	@Test
	void shouldRefuseToStartWithAKeyThatIsNotBase64WithoutQuotingIt() {
		String wrong = "this is a passphrase, not a key!";
		assertThatIllegalStateException().isThrownBy(() -> cipher(wrong))
			.withMessageContaining("UPCOACH_ENCRYPTION_KEY")
			.withMessageNotContaining("passphrase")
			.withNoCause();
	}

	@Test
	void shouldNameTheInvalidPreviousKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretCipher(new EncryptionSettings(KEY, "", List.of(OLD_KEY, "c2hvcnQ="))))
			.withMessageContaining("previous-keys[1]");
	}

	@Test
	void shouldRefuseToStartWithoutAKeyWhenThereIsNoKeyFile() {
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(new EncryptionSettings("", "", List.of())))
			.withMessageContaining("UPCOACH_ENCRYPTION_KEY");
	}

	@Test
	void shouldGenerateAnOwnerOnlyKeyFileOnFirstStartAndReuseItAfterARestart(@TempDir Path data) throws Exception {
		Path file = data.resolve("nested/encryption-key");
		String stored = new SecretCipher(new EncryptionSettings(null, file.toString(), List.of())).encrypt(SECRET);
		assertThat(Base64.getDecoder().decode(Files.readString(file))).hasSize(32);
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		SecretCipher restarted = new SecretCipher(new EncryptionSettings(null, file.toString(), List.of()));
		assertThat(restarted.decrypt(stored)).isEqualTo(SECRET);
	}

	@Test
	void shouldPreferTheConfiguredKeyToTheKeyFile(@TempDir Path data) {
		Path file = data.resolve("encryption-key");
		String stored = new SecretCipher(new EncryptionSettings(KEY, file.toString(), List.of())).encrypt(SECRET);
		assertThat(file).doesNotExist();
		assertThat(this.cipher.decrypt(stored)).isEqualTo(SECRET);
	}

	@Test
	void shouldRefuseAKeyFileThatDoesNotHold32Bytes(@TempDir Path data) throws Exception {
		Path file = Files.writeString(data.resolve("encryption-key"), Base64.getEncoder().encodeToString(new byte[16]));
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretCipher(new EncryptionSettings(null, file.toString(), List.of())))
			.withMessageContaining(file.toString());
	}

	@Test
	void shouldDefaultToAKeyFileInTheDataDirectory() {
		EncryptionSettings settings = bind(Map.of());
		assertThat(settings.keyFile()).isEqualTo("./data/encryption-key");
		assertThat(settings.previousKeys()).isEmpty();
	}

	@Test
	void shouldLetProductionTurnTheKeyFileOff() {
		EncryptionSettings settings = bind(Map.of("upcoach.security.encryption.key-file", ""));
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(settings))
			.withMessageContaining("UPCOACH_ENCRYPTION_KEY");
	}

	@Test
	void shouldBindPreviousKeysInOrder() {
		EncryptionSettings settings = bind(Map.of("upcoach.security.encryption.key", KEY,
				"upcoach.security.encryption.previous-keys", key(3) + "," + OLD_KEY));
		assertThat(settings.previousKeys()).containsExactly(key(3), OLD_KEY);
		assertThat(new SecretCipher(settings).decrypt(cipher(OLD_KEY).encrypt(SECRET))).isEqualTo(SECRET);
	}

	private static SecretCipher cipher(String key) {
		return new SecretCipher(new EncryptionSettings(key, "", List.of()));
	}

	private static EncryptionSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("upcoach.security.encryption",
				EncryptionSettings.class);
	}

	private static String key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return Base64.getEncoder().encodeToString(key);
	}

	private static byte[] ivOf(String stored) {
		byte[] iv = new byte[12];
		System.arraycopy(Base64.getDecoder().decode(stored.substring(3)), 0, iv, 0, iv.length);
		return iv;
	}

}
