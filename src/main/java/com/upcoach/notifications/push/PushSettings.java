package com.upcoach.notifications.push;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Push notification settings.
 *
 * @param enabled whether the {@code push} channel sends anything
 * @param ttl how long a push service keeps a message for an offline device
 * @param timeout the connect and response timeout of each push request
 * @param endpointHosts the push services a browser subscription may point at (a host or a
 * parent domain); empty allows any HTTPS host. The server posts to the endpoint a client
 * sends, so an open list would let a client aim it at any address.
 * @param allowLocalHttp whether {@code http://localhost} and {@code http://127.0.0.1}
 * endpoints are accepted, for tests and local push service stand-ins
 * @param vapid the VAPID key pair and contact
 * @param fcm Firebase Cloud Messaging for Android (and iOS through Firebase)
 * @param apns Apple Push Notification service
 */
@ConfigurationProperties("upcoach.notifications.push")
record PushSettings(@DefaultValue("true") boolean enabled, @DefaultValue("P1D") Duration ttl,
		@DefaultValue("10s") Duration timeout, @DefaultValue( {
				"fcm.googleapis.com", "push.services.mozilla.com", "notify.windows.com",
				"push.apple.com" }) List<String> endpointHosts,
		@DefaultValue("false") boolean allowLocalHttp, @DefaultValue Vapid vapid, @DefaultValue Fcm fcm,
		@DefaultValue Apns apns){

	/**
	 * @param publicKey the public key, Base64url of the uncompressed P-256 point, as
	 * {@code web-push generate-vapid-keys} prints it; with {@code privateKey} it replaces
	 * the key kept in the database
	 * @param privateKey the private key, Base64url of the 32-byte scalar
	 * @param subject the contact push services may use: a {@code mailto:} or
	 * {@code https:} URI
	 */
	record Vapid(String publicKey, String privateKey, @DefaultValue("mailto:admin@upcoach.local") String subject) {

		boolean configured() {
			return hasText(this.publicKey) || hasText(this.privateKey);
		}

	}

	/**
	 * @param enabled whether devices may register FCM tokens and are sent to
	 * @param projectId the Firebase project; defaults to the service account's
	 * @param credentialsFile the service account JSON file
	 * @param credentials the service account JSON itself, instead of a file
	 * @param baseUrl the FCM API
	 * @param tokenUrl the OAuth2 token endpoint; defaults to the service account's
	 * {@code token_uri}
	 */
	record Fcm(@DefaultValue("false") boolean enabled, String projectId, String credentialsFile, String credentials,
			@DefaultValue("https://fcm.googleapis.com") URI baseUrl, URI tokenUrl) {
	}

	/**
	 * @param enabled whether devices may register APNs tokens and are sent to
	 * @param teamId the Apple developer team
	 * @param keyId the id of the APNs authentication key
	 * @param privateKey the key's {@code .p8} content (PEM)
	 * @param privateKeyFile the {@code .p8} file, instead of its content
	 * @param topic the app's bundle id
	 * @param baseUrl {@code https://api.push.apple.com}, or
	 * {@code https://api.sandbox.push.apple.com} for development builds
	 */
	record Apns(@DefaultValue("false") boolean enabled, String teamId, String keyId, String privateKey,
			String privateKeyFile, String topic, @DefaultValue("https://api.push.apple.com") URI baseUrl) {
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
