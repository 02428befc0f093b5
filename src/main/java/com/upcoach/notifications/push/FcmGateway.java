package com.upcoach.notifications.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Firebase Cloud Messaging through the HTTP v1 API. The access token comes from the
 * service account with the OAuth2 JWT-bearer grant (RFC 7523) and is reused until shortly
 * before it expires.
 */
@Component
@ConditionalOnBooleanProperty("upcoach.notifications.push.fcm.enabled")
class FcmGateway implements PushGateway {

	private static final Logger logger = LoggerFactory.getLogger(FcmGateway.class);

	private static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

	private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

	// Renew ahead of expiry so no request carries a token that expires in flight.
	private static final Duration EARLY_RENEWAL = Duration.ofMinutes(5);

	private final PushSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	private final String clientEmail;

	private final String keyId;

	private final PrivateKey key;

	private final URI tokenUrl;

	private final URI sendUrl;

	private AccessToken token;

	FcmGateway(PushSettings settings, JsonMapper json, Clock clock) {
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		PushSettings.Fcm fcm = settings.fcm();
		JsonNode account = json.readTree(serviceAccount(fcm));
		this.clientEmail = required(account, "client_email");
		this.keyId = account.path("private_key_id").asString("");
		this.key = rsaKey(required(account, "private_key"));
		this.tokenUrl = (fcm.tokenUrl() != null) ? fcm.tokenUrl() : URI.create(required(account, "token_uri"));
		String project = StringUtils.hasText(fcm.projectId()) ? fcm.projectId() : required(account, "project_id");
		this.sendUrl = URI
			.create(fcm.baseUrl().toString().replaceAll("/+$", "") + "/v1/projects/" + project + "/messages:send");
	}

	@Override
	public String platform() {
		return "fcm";
	}

	@Override
	public PushOutcome send(String deviceToken, PushMessage message) {
		HttpRequest request = HttpRequest.newBuilder(this.sendUrl)
			.timeout(this.settings.timeout())
			.header("Authorization", "Bearer " + accessToken())
			.header("Content-Type", "application/json; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body(deviceToken, message))))
			.build();
		HttpResponse<String> response = exchange(request);
		int status = response.statusCode();
		if (status == 401) {
			// Revoked or expired early: the retry fetches a new token.
			invalidate();
			throw new PushRetry("FCM refused the access token");
		}
		if (status == 400 && response.body().contains("\"UNREGISTERED\"")) {
			return PushOutcome.GONE;
		}
		PushOutcome outcome = PushOutcome.ofStatus(status, "FCM");
		if (outcome == PushOutcome.REJECTED) {
			logger.warn("FCM refused a message: {} {}", status, WebPushSender.abbreviate(response.body()));
		}
		return outcome;
	}

	private Map<String, Object> body(String deviceToken, PushMessage message) {
		Map<String, Object> notification = new LinkedHashMap<>();
		notification.put("title", message.title());
		if (message.body() != null) {
			notification.put("body", message.body());
		}
		// Data values must be strings.
		Map<String, String> data = new LinkedHashMap<>();
		data.put("id", message.id());
		data.put("type", message.type());
		if (message.link() != null) {
			data.put("link", message.link());
		}
		Map<String, Object> android = Map.of("ttl", this.settings.ttl().toSeconds() + "s", "priority",
				"high".equals(message.urgency()) ? "high" : "normal");
		return Map.of("message",
				Map.of("token", deviceToken, "notification", notification, "data", data, "android", android));
	}

	private synchronized String accessToken() {
		Instant now = this.clock.instant();
		if (this.token == null || !this.token.renewAt().isAfter(now)) {
			this.token = fetchToken(now);
		}
		return this.token.value();
	}

	private synchronized void invalidate() {
		this.token = null;
	}

	private AccessToken fetchToken(Instant now) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.clientEmail)
			.audience(this.tokenUrl.toString())
			.claim("scope", SCOPE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
			.build();
		SignedJWT assertion = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(this.keyId).build(), claims);
		try {
			assertion.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the FCM token request", ex);
		}
		String form = "grant_type="
				+ URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
				+ "&assertion=" + assertion.serialize();
		HttpResponse<String> response = exchange(HttpRequest.newBuilder(this.tokenUrl)
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		if (response.statusCode() != 200) {
			// A refused service account needs an operator; the job retries meanwhile.
			throw new PushRetry("The FCM token endpoint answered " + response.statusCode() + ": "
					+ WebPushSender.abbreviate(response.body()));
		}
		JsonNode answer = this.json.readTree(response.body());
		long expiresIn = answer.path("expires_in").asLong(3600);
		return new AccessToken(required(answer, "access_token"), now.plusSeconds(expiresIn).minus(EARLY_RENEWAL));
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PushRetry("FCM is unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PushRetry("Interrupted while pushing to FCM", ex);
		}
	}

	private static String serviceAccount(PushSettings.Fcm fcm) {
		if (StringUtils.hasText(fcm.credentials())) {
			return fcm.credentials();
		}
		if (!StringUtils.hasText(fcm.credentialsFile())) {
			throw new IllegalStateException("FCM is enabled: set upcoach.notifications.push.fcm.credentials-file "
					+ "(or .credentials) to the service account JSON");
		}
		try {
			return Files.readString(Path.of(fcm.credentialsFile()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the FCM service account " + fcm.credentialsFile(), ex);
		}
	}

	private static String required(JsonNode node, String field) {
		String value = node.path(field).asString("");
		if (value.isEmpty()) {
			throw new IllegalStateException("The FCM service account JSON has no " + field);
		}
		return value;
	}

	static PrivateKey rsaKey(String pem) {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBytes(pem)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The FCM service account's private_key is not a PKCS#8 RSA key");
		}
	}

	/**
	 * The DER inside a PEM block (or bare Base64).
	 */
	static byte[] pemBytes(String pem) {
		return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
	}

	private record AccessToken(String value, Instant renewAt) {
	}

}
