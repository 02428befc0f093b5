package com.upcoach.identity;

import java.util.Base64;
import java.util.List;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.test.authenticator.webauthn.PackedAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A platform authenticator for tests (webauthn4j's emulated one, packed self attestation,
 * user verification on) and the browser around it: it turns the options the server sends
 * into the JSON a browser's {@code credential.toJSON()} returns.
 */
public final class VirtualPasskeys {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final ObjectConverter converter = new ObjectConverter();

	private final PackedAuthenticator authenticator = new PackedAuthenticator();

	private final WebAuthnAuthenticatorAdaptor adaptor = new WebAuthnAuthenticatorAdaptor(this.authenticator);

	/**
	 * Stop the signature counter, as a cloned authenticator would seem to.
	 */
	public void freezeCounter() {
		this.authenticator.setCountUpEnabled(false);
	}

	/**
	 * @param origin the page's origin, e.g. {@code http://localhost:8080}
	 * @param publicKey the {@code publicKey} options the server sent
	 * @return the credential JSON to send back
	 */
	public ObjectNode create(String origin, JsonNode publicKey) {
		PublicKeyCredentialCreationOptions options = this.converter.getJsonConverter()
			.readValue(publicKey.toString(), PublicKeyCredentialCreationOptions.class);
		PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential = platform(origin).create(options);
		ObjectNode response = JSON.createObjectNode()
			.put("clientDataJSON", BASE64URL.encodeToString(credential.getResponse().getClientDataJSON()))
			.put("attestationObject", BASE64URL.encodeToString(credential.getResponse().getAttestationObject()));
		response.putArray("transports").add(AuthenticatorTransport.INTERNAL.getValue());
		// Chromium's toJSON() adds these conveniences beside the attestation object.
		response.put("publicKeyAlgorithm", -7).put("publicKey", "MFkwEwYHKoZIzj0CAQ").put("authenticatorData", "");
		return credential(credential.getRawId(), response);
	}

	public ObjectNode get(String origin, JsonNode publicKey) {
		PublicKeyCredentialRequestOptions options = this.converter.getJsonConverter()
			.readValue(publicKey.toString(), PublicKeyCredentialRequestOptions.class);
		PublicKeyCredential<AuthenticatorAssertionResponse, ?> credential = platform(origin).get(options);
		AuthenticatorAssertionResponse assertion = credential.getResponse();
		ObjectNode response = JSON.createObjectNode()
			.put("clientDataJSON", BASE64URL.encodeToString(assertion.getClientDataJSON()))
			.put("authenticatorData", BASE64URL.encodeToString(assertion.getAuthenticatorData()))
			.put("signature", BASE64URL.encodeToString(assertion.getSignature()))
			.put("userHandle",
					(assertion.getUserHandle() != null) ? BASE64URL.encodeToString(assertion.getUserHandle()) : null);
		return credential(credential.getRawId(), response);
	}

	private ClientPlatform platform(String origin) {
		return new ClientPlatform(new Origin(origin), this.adaptor);
	}

	private static ObjectNode credential(byte[] rawId, ObjectNode response) {
		ObjectNode credential = JSON.createObjectNode()
			.put("id", BASE64URL.encodeToString(rawId))
			.put("rawId", BASE64URL.encodeToString(rawId))
			.put("type", "public-key")
			.put("authenticatorAttachment", "platform");
		credential.set("response", response);
		credential.putObject("clientExtensionResults").putObject("credProps").put("rk", true);
		return credential;
	}

	static List<String> ids(JsonNode descriptors) {
		return descriptors.valueStream().map((descriptor) -> descriptor.at("/id").asString()).toList();
	}

}
