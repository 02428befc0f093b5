package com.upcoach.notifications.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The Apple Push Notification service over HTTP/2 with a provider token: an ES256 JWT
 * from the team's APNs key, renewed every 50 minutes (Apple refuses tokens older than an
 * hour and throttles renewing more often than every 20 minutes).
 */
@Component
@ConditionalOnBooleanProperty("upcoach.notifications.push.apns.enabled")
class ApnsGateway implements PushGateway {

	private static final Logger logger = LoggerFactory.getLogger(ApnsGateway.class);

	private static final Duration TOKEN_REUSE = Duration.ofMinutes(50);

	// The reasons Apple gives for a token that will never work again.
	private static final Set<String> DEAD_TOKEN = Set.of("BadDeviceToken", "Unregistered", "DeviceTokenNotForTopic");

	private final PushSettings settings;

	private final PushSettings.Apns apns;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	private final ECPrivateKey key;

	private ProviderToken token;

	ApnsGateway(PushSettings settings, JsonMapper json, Clock clock) {
		this.settings = settings;
		this.apns = settings.apns();
		this.json = json;
		this.clock = clock;
		for (String[] required : new String[][] { { "team-id", this.apns.teamId() }, { "key-id", this.apns.keyId() },
				{ "topic", this.apns.topic() } }) {
			if (!StringUtils.hasText(required[1])) {
				throw new IllegalStateException("APNs is enabled: set upcoach.notifications.push.apns." + required[0]);
			}
		}
		this.key = ecKey(privateKeyPem(this.apns));
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.connectTimeout(settings.timeout())
			.build();
	}

	@Override
	public String platform() {
		return "apns";
	}

	@Override
	public PushOutcome send(String deviceToken, PushMessage message) {
		URI url = URI.create(this.apns.baseUrl().toString().replaceAll("/+$", "") + "/3/device/" + deviceToken);
		Instant expiration = this.clock.instant().plus(this.settings.ttl());
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.settings.timeout())
			.header("authorization", "bearer " + providerToken())
			.header("apns-topic", this.apns.topic())
			.header("apns-push-type", "alert")
			.header("apns-priority", "low".equals(message.urgency()) ? "5" : "10")
			.header("apns-expiration", Long.toString(expiration.getEpochSecond()))
			.header("apns-collapse-id", message.id())
			.header("content-type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body(message))))
			.build();
		HttpResponse<String> response = exchange(request);
		int status = response.statusCode();
		String reason = reason(response.body());
		if (status == 403 && "ExpiredProviderToken".equals(reason)) {
			invalidate();
			throw new PushRetry("APNs refused the expired provider token");
		}
		if (DEAD_TOKEN.contains(reason)) {
			return PushOutcome.GONE;
		}
		PushOutcome outcome = PushOutcome.ofStatus(status, "APNs");
		if (outcome == PushOutcome.REJECTED) {
			logger.warn("APNs refused a message: {} {}", status, reason);
		}
		return outcome;
	}

	private Map<String, Object> body(PushMessage message) {
		Map<String, Object> alert = new LinkedHashMap<>();
		alert.put("title", message.title());
		if (message.body() != null) {
			alert.put("body", message.body());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("aps", Map.of("alert", alert, "sound", "default"));
		body.put("id", message.id());
		body.put("type", message.type());
		if (message.link() != null) {
			body.put("link", message.link());
		}
		return body;
	}

	private String reason(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		try {
			return this.json.readTree(body).path("reason").asString("");
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private synchronized String providerToken() {
		Instant now = this.clock.instant();
		if (this.token == null || !this.token.renewAt().isAfter(now)) {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.apns.teamId())
				.issueTime(Date.from(now))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.apns.keyId()).build(),
					claims);
			try {
				jwt.sign(new ECDSASigner(this.key));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Cannot sign the APNs provider token", ex);
			}
			this.token = new ProviderToken(jwt.serialize(), now.plus(TOKEN_REUSE));
		}
		return this.token.value();
	}

	private synchronized void invalidate() {
		this.token = null;
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PushRetry("APNs is unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PushRetry("Interrupted while pushing to APNs", ex);
		}
	}

	private static String privateKeyPem(PushSettings.Apns apns) {
		if (StringUtils.hasText(apns.privateKey())) {
			return apns.privateKey();
		}
		if (!StringUtils.hasText(apns.privateKeyFile())) {
			throw new IllegalStateException("APNs is enabled: set upcoach.notifications.push.apns.private-key-file "
					+ "(or .private-key) to the .p8 key");
		}
		try {
			return Files.readString(Path.of(apns.privateKeyFile()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the APNs key " + apns.privateKeyFile(), ex);
		}
	}

	private static ECPrivateKey ecKey(String pem) {
		try {
			return (ECPrivateKey) KeyFactory.getInstance("EC")
				.generatePrivate(new PKCS8EncodedKeySpec(FcmGateway.pemBytes(pem)));
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalStateException("The APNs key is not a PKCS#8 EC key (.p8)");
		}
	}

	private record ProviderToken(String value, Instant renewAt) {
	}

}
