package com.upcoach.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The options of a passkey ceremony as the browser's
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} and
 * {@code parseRequestOptionsFromJSON} take them (binary values base64url), with the id of
 * the challenge to send back with the answer.
 *
 * @param <T> {@link Creation} or {@link Request}
 * @param challengeId sent back with the credential the browser returns
 * @param publicKey the options for {@code navigator.credentials.create/get}
 */
public record PasskeyOptions<T>(UUID challengeId, T publicKey) {

	public record Creation(RelyingParty rp, User user, String challenge, List<Algorithm> pubKeyCredParams, long timeout,
			List<Descriptor> excludeCredentials, Selection authenticatorSelection, String attestation,
			Map<String, Object> extensions) {
	}

	public record Request(String challenge, long timeout, String rpId, List<Descriptor> allowCredentials,
			String userVerification) {
	}

	public record RelyingParty(String id, String name) {
	}

	/**
	 * @param id the user handle, base64url: opaque, no personal data
	 */
	public record User(String id, String name, String displayName) {
	}

	/**
	 * @param alg a COSE algorithm identifier
	 */
	public record Algorithm(String type, long alg) {
	}

	public record Descriptor(String type, String id, List<String> transports) {
	}

	public record Selection(String residentKey, boolean requireResidentKey, String userVerification) {
	}

}
