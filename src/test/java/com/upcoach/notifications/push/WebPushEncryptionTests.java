package com.upcoach.notifications.push;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Web Push encryption against the example of RFC 8291 appendix A and against an
 * independent decryption.
 */
class WebPushEncryptionTests {

	// RFC 8291, appendix A.
	static final String PLAINTEXT = "When I grow up, I want to be a watermelon";

	static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";

	static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";

	static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";

	static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

	static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";

	static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";

	static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

	@Test
	void shouldProduceTheMessageOfTheRfcExample() {
		KeyPair serverKeys = new KeyPair(P256.publicKey(P256.fromBase64Url(AS_PUBLIC)),
				P256.privateKey(P256.fromBase64Url(AS_PRIVATE)));

		byte[] body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8),
				P256.fromBase64Url(UA_PUBLIC), P256.fromBase64Url(AUTH_SECRET), serverKeys, P256.fromBase64Url(SALT));

		assertThat(P256.base64Url(body)).isEqualTo(BODY);
	}

	@Test
	void shouldDecryptTheRfcExampleWithTheIndependentDecryption() throws Exception {
		byte[] plaintext = PushServiceDecryption.decrypt(P256.fromBase64Url(BODY),
				new BigInteger(1, P256.fromBase64Url(UA_PRIVATE)), P256.fromBase64Url(UA_PUBLIC),
				P256.fromBase64Url(AUTH_SECRET));

		assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
	}

	@Test
	void shouldEncryptEachMessageSoOnlyTheSubscriptionCanReadIt() throws Exception {
		KeyPair browser = P256.generate();
		byte[] publicKey = P256.encode((ECPublicKey) browser.getPublic());
		byte[] auth = new byte[16];
		new java.security.SecureRandom().nextBytes(auth);
		byte[] message = "{\"title\":\"Streak at risk – ✓\"}".getBytes(StandardCharsets.UTF_8);

		byte[] first = WebPushEncryption.encrypt(message, publicKey, auth);
		byte[] second = WebPushEncryption.encrypt(message, publicKey, auth);

		assertThat(first).isNotEqualTo(second);
		BigInteger privateKey = ((ECPrivateKey) browser.getPrivate()).getS();
		assertThat(PushServiceDecryption.decrypt(first, privateKey, publicKey, auth)).isEqualTo(message);
		assertThat(PushServiceDecryption.decrypt(second, privateKey, publicKey, auth)).isEqualTo(message);
		byte[] otherAuth = auth.clone();
		otherAuth[0] ^= 1;
		org.assertj.core.api.Assertions.assertThatException()
			.isThrownBy(() -> PushServiceDecryption.decrypt(first, privateKey, publicKey, otherAuth));
	}

	@Test
	void shouldRefuseAKeyThatIsNotOnTheCurve() {
		byte[] key = P256.fromBase64Url(UA_PUBLIC);
		key[64] ^= 1;
		assertThatIllegalArgumentException().isThrownBy(() -> P256.publicKey(key)).withMessageContaining("curve");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebPushEncryption.encrypt(new byte[WebPushEncryption.MAX_PLAINTEXT + 1],
					P256.fromBase64Url(UA_PUBLIC), P256.fromBase64Url(AUTH_SECRET)));
	}

}
