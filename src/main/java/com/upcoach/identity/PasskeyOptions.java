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
 * @param <T> {@link CreationOptions} or {@link RequestOptions}
 * @param challengeId sent back with the credential the browser returns
 * @param publicKey the options for {@code navigator.credentials.create/get}
 */
public record PasskeyOptions<T>(UUID challengeId, T publicKey) {

	public record CreationOptions(RelyingPartyEntity rp, UserEntity user, String challenge,
			List<CredentialParameters> pubKeyCredParams, long timeout, List<CredentialDescriptor> excludeCredentials,
			AuthenticatorSelection authenticatorSelection, String attestation, Map<String, Object> extensions) {
	}

	public record RequestOptions(String challenge, long timeout, String rpId,
			List<CredentialDescriptor> allowCredentials, String userVerification) {
	}

	public record RelyingPartyEntity(String id, String name) {
	}

	/**
	 * @param id the user handle, base64url: opaque, no personal data
	 */
	public record UserEntity(String id, String name, String displayName) {
	}

	/**
	 * @param alg a COSE algorithm identifier
	 */
	public record CredentialParameters(String type, long alg) {
	}

	public record CredentialDescriptor(String type, String id, List<String> transports) {
	}

	public record AuthenticatorSelection(String residentKey, boolean requireResidentKey, String userVerification) {
	}

}
