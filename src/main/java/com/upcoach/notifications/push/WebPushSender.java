package com.upcoach.notifications.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Posts an encrypted message to a browser's push service (RFC 8030), identified with
 * VAPID (RFC 8292).
 */
@Component
class WebPushSender {

	private static final Logger logger = LoggerFactory.getLogger(WebPushSender.class);

	private final VapidKeys vapid;

	private final PushSettings settings;

	private final HttpClient http;

	WebPushSender(VapidKeys vapid, PushSettings settings) {
		this.vapid = vapid;
		this.settings = settings;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * @param message the message's JSON
	 * @throws PushRetry when the push service is unreachable, overloaded or throttling
	 */
	PushOutcome send(PushSubscription subscription, PushMessage message, String json) {
		URI endpoint = URI.create(subscription.getEndpoint());
		byte[] body = WebPushEncryption.encrypt(json.getBytes(StandardCharsets.UTF_8),
				P256.fromBase64Url(subscription.getP256dh()), P256.fromBase64Url(subscription.getAuth()));
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(this.settings.timeout())
			.header("TTL", Long.toString(this.settings.ttl().toSeconds()))
			.header("Urgency", message.urgency())
			.header("Content-Type", "application/octet-stream")
			.header("Content-Encoding", "aes128gcm")
			.header("Authorization", this.vapid.authorization(endpoint))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = exchange(request, endpoint);
		PushOutcome outcome = PushOutcome.ofStatus(response.statusCode(), "The push service " + endpoint.getHost());
		if (outcome == PushOutcome.REJECTED) {
			logger.warn("The push service {} refused a message to subscription {}: {} {}", endpoint.getHost(),
					subscription.getId(), response.statusCode(), abbreviate(response.body()));
		}
		return outcome;
	}

	private HttpResponse<String> exchange(HttpRequest request, URI endpoint) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PushRetry("The push service " + endpoint.getHost() + " is unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PushRetry("Interrupted while pushing to " + endpoint.getHost(), ex);
		}
	}

	static String abbreviate(String text) {
		return (text != null && text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
