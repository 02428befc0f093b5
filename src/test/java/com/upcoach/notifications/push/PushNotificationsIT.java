package com.upcoach.notifications.push;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.notifications.NewNotification;
import com.upcoach.notifications.NotificationCenter;
import com.upcoach.notifications.NotificationChannel;
import com.upcoach.notifications.NotificationType;
import com.upcoach.notifications.NotificationView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push notifications end to end: a browser subscribes through the API, a notification is
 * delivered through the {@code push} channel by a background job to a local push service,
 * which checks the VAPID signature against the key the API published and decrypts the
 * message as the browser would. FCM and APNs go to local stand-ins that check the
 * server's credentials.
 */
@IntegrationTest
@Tag(IntegrationTest.SLOW)
class PushNotificationsIT {

	static FakePushServices services = new FakePushServices();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	NotificationCenter center;

	@Autowired
	List<NotificationChannel> channels;

	@Autowired
	JsonMapper json;

	Http http;

	@DynamicPropertySource
	static void pushServices(DynamicPropertyRegistry registry) {
		registry.add("upcoach.notifications.push.allow-local-http", () -> "true");
		registry.add("upcoach.notifications.push.vapid.subject", () -> "mailto:push-test@upcoach.test");
		registry.add("upcoach.notifications.push.fcm.enabled", () -> "true");
		registry.add("upcoach.notifications.push.fcm.credentials", services::serviceAccountJson);
		registry.add("upcoach.notifications.push.fcm.base-url", () -> services.url(""));
		registry.add("upcoach.notifications.push.apns.enabled", () -> "true");
		registry.add("upcoach.notifications.push.apns.team-id", () -> FakePushServices.APNS_TEAM);
		registry.add("upcoach.notifications.push.apns.key-id", () -> FakePushServices.APNS_KEY_ID);
		registry.add("upcoach.notifications.push.apns.topic", () -> FakePushServices.APNS_TOPIC);
		registry.add("upcoach.notifications.push.apns.private-key", services::apnsKeyPem);
		registry.add("upcoach.notifications.push.apns.base-url", () -> services.url(""));
	}

	@AfterAll
	static void stopServices() {
		services.stop();
	}

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldPushAMessageOnlyTheSubscribedBrowserCanReadSignedWithThePublishedVapidKey() throws Exception {
		Member member = member();
		String vapidKey = member.get("/api/v1/notifications/push/vapid-public-key").at("/data/publicKey").asString();
		assertThat(P256.fromBase64Url(vapidKey)).hasSize(65);
		Browser browser = new Browser("/push/" + UUID.randomUUID());

		Http.Response created = member.subscribe(browser);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().at("/data/endpoint").asString()).isEqualTo(browser.endpoint);
		Http.Response repeated = member.subscribe(browser);
		assertThat(repeated.status()).isEqualTo(200);
		assertThat(repeated.json().at("/data/id").asString()).isEqualTo(created.json().at("/data/id").asString());

		NotificationView notification = notify(member, NotificationType.STREAK_AT_RISK, "Your streak is at risk",
				"Check in to Morning run before midnight – 🔥 12 days", "/app/habits/42");

		FakePushServices.Received request = await().atMost(30, TimeUnit.SECONDS)
			.until(() -> services.to(browser.path), (requests) -> !requests.isEmpty())
			.get(0);
		assertThat(request.headers()).containsEntry("content-encoding", "aes128gcm")
			.containsEntry("ttl", "86400")
			.containsEntry("urgency", "normal");

		// RFC 8292: "vapid t=<JWT>, k=<public key>", signed by the key the API publishes.
		Map<String, String> vapid = vapidParameters(request.headers().get("authorization"));
		assertThat(vapid.get("k")).isEqualTo(vapidKey);
		SignedJWT jwt = SignedJWT.parse(vapid.get("t"));
		assertThat(jwt.verify(new ECDSAVerifier(P256.publicKey(P256.fromBase64Url(vapidKey))))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(services.url(""));
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("mailto:push-test@upcoach.test");
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isAfter(Instant.now())
			.isBefore(Instant.now().plus(Duration.ofHours(24)));

		JsonNode message = this.json.readTree(browser.decrypt(request.body()));
		assertThat(message.get("title").asString()).isEqualTo("Your streak is at risk");
		assertThat(message.get("body").asString()).isEqualTo("Check in to Morning run before midnight – 🔥 12 days");
		assertThat(message.get("link").asString()).isEqualTo("/app/habits/42");
		assertThat(message.get("type").asString()).isEqualTo("streak_at_risk");
		assertThat(message.get("id").asString()).isEqualTo(notification.id().toString());

		await().atMost(10, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(
					member.get("/api/v1/notifications/push/subscriptions").at("/data/0/lastPushedAt").isNull())
				.isFalse());
	}

	@Test
	void shouldForgetASubscriptionThePushServiceSaysIsGoneAndKeepOneItRefusedOnce() throws Exception {
		Member member = member();
		Browser gone = new Browser("/push/" + UUID.randomUUID());
		Browser refusing = new Browser("/push/" + UUID.randomUUID());
		Browser alive = new Browser("/push/" + UUID.randomUUID());
		services.script(gone.path, 410);
		services.script(refusing.path, 400);
		member.subscribe(gone);
		member.subscribe(refusing);
		member.subscribe(alive);

		notify(member, NotificationType.CHAT_MESSAGE, "Ana: are we still on for today?", null, "/app/chats/1");

		await().atMost(30, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(member.get("/api/v1/notifications/push/subscriptions").get("data"))
				.extracting((subscription) -> subscription.get("endpoint").asString())
				.containsExactlyInAnyOrder(refusing.endpoint, alive.endpoint));
		await().atMost(30, TimeUnit.SECONDS).until(() -> services.to(refusing.path).size() == 1);
		// A refusal other than "gone" is not retried: it would be refused again.
		Thread.sleep(8000);
		assertThat(services.to(refusing.path)).hasSize(1);
		assertThat(services.to(gone.path)).hasSize(1);
		assertThat(services.to(alive.path)).singleElement()
			.satisfies((request) -> assertThat(request.headers()).containsEntry("urgency", "high"));
	}

	@Test
	void shouldRetryAfterAServerErrorAndDeliverOnce() throws Exception {
		Member member = member();
		Browser browser = new Browser("/push/" + UUID.randomUUID());
		services.script(browser.path, 500);
		member.subscribe(browser);

		NotificationView notification = notify(member, NotificationType.GOAL_COMPLETED, "Goal completed", "Run 5 km",
				"/app/goals/7");
		// A notification handed to the channel twice (an event republished after a
		// restart) is still pushed once.
		pushChannel().deliver(member.id(), notification);

		await().atMost(60, TimeUnit.SECONDS).until(() -> services.to(browser.path).size() >= 2);
		Thread.sleep(8000);
		List<FakePushServices.Received> requests = services.to(browser.path);
		assertThat(requests).hasSize(2);
		assertThat(this.json.readTree(browser.decrypt(requests.get(1).body())).get("id").asString())
			.isEqualTo(notification.id().toString());
		assertThat(member.get("/api/v1/notifications/push/subscriptions").at("/data/0/lastPushedAt").isNull())
			.isFalse();
	}

	@Test
	void shouldKeepEachUsersSubscriptionsToThemselves() {
		Member owner = member();
		Member other = member();
		Browser browser = new Browser("/push/" + UUID.randomUUID());
		String id = owner.subscribe(browser).json().at("/data/id").asString();

		assertThat(other.get("/api/v1/notifications/push/subscriptions").get("data")).isEmpty();
		Http.Response deleted = other.delete("/api/v1/notifications/push/subscriptions/" + id);
		assertThat(deleted.status()).isEqualTo(404);
		assertThat(deleted.json().at("/error/code").asString()).isEqualTo("NOT_FOUND");
		assertThat(owner.get("/api/v1/notifications/push/subscriptions").get("data")).hasSize(1);

		notify(other, NotificationType.WEEKLY_DIGEST, "Your week", null, null);
		assertThat(owner.delete("/api/v1/notifications/push/subscriptions/" + id).status()).isEqualTo(200);
		assertThat(owner.get("/api/v1/notifications/push/subscriptions").get("data")).isEmpty();
		assertThat(services.to(browser.path)).isEmpty();
	}

	@Test
	void shouldRefuseSubscriptionsItCouldNotOrShouldNotPushTo() {
		Member member = member();
		Browser browser = new Browser("/push/" + UUID.randomUUID());
		String keys = ",\"keys\":{\"p256dh\":\"" + browser.publicKey + "\",\"auth\":\"" + browser.auth + "\"}}";
		Map<String, String> refused = Map.of("{\"endpoint\":\"http://push.example.com/x\"" + keys, "endpoint",
				"{\"endpoint\":\"https://internal.example.com/x\"" + keys, "endpoint",
				"{\"endpoint\":\"not a url\"" + keys, "endpoint",
				"{\"endpoint\":\"" + browser.endpoint + "\",\"keys\":{\"p256dh\":\"" + browser.publicKey.substring(4)
						+ "\",\"auth\":\"" + browser.auth + "\"}}",
				"keys.p256dh", "{\"endpoint\":\"" + browser.endpoint + "\",\"keys\":{\"p256dh\":\"" + browser.publicKey
						+ "\",\"auth\":\"AAAA\"}}",
				"keys.auth", "{\"endpoint\":\"" + browser.endpoint + "\"}", "keys");
		refused.forEach((body, field) -> {
			Http.Response response = member.post("/api/v1/notifications/push/subscriptions", body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
			assertThat(response.json().at("/error/details/0/field").asString()).as(body).isEqualTo(field);
		});
		Http.Response device = member.post("/api/v1/notifications/push/devices",
				"{\"platform\":\"apns\",\"token\":\"not-hex\"}");
		assertThat(device.status()).isEqualTo(400);
		assertThat(member.post("/api/v1/notifications/push/devices", "{\"platform\":\"sms\",\"token\":\"x\"}").status())
			.isEqualTo(400);

		// What Chrome sends: expirationTime is part of PushSubscription.toJSON().
		Http.Response accepted = member.post("/api/v1/notifications/push/subscriptions",
				"{\"endpoint\":\"" + browser.endpoint + "\",\"expirationTime\":null" + keys);
		assertThat(accepted.status()).isEqualTo(201);
	}

	@Test
	void shouldPushToFcmWithAServiceAccountTokenAndForgetUnregisteredTokens() {
		Member member = member();
		String live = "fcm-live-" + UUID.randomUUID();
		String unregistered = "unregistered-" + UUID.randomUUID();
		Http.Response registered = member.post("/api/v1/notifications/push/devices",
				"{\"platform\":\"fcm\",\"token\":\"" + live + "\"}");
		assertThat(registered.status()).isEqualTo(201);
		assertThat(
				member.post("/api/v1/notifications/push/devices", "{\"platform\":\"fcm\",\"token\":\"" + live + "\"}")
					.status())
			.isEqualTo(200);
		member.post("/api/v1/notifications/push/devices", "{\"platform\":\"fcm\",\"token\":\"" + unregistered + "\"}");

		NotificationView notification = notify(member, NotificationType.COACH_ASSIGNMENT, "New task from your coach",
				"Read chapter 3", "/app/tasks/9");

		String sendPath = "/v1/projects/" + FakePushServices.FCM_PROJECT + "/messages:send";
		await().atMost(30, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(member.get("/api/v1/notifications/push/devices").get("data"))
				.extracting((device) -> device.get("token").asString())
				.containsExactly(live));
		JsonNode sent = services.to(sendPath)
			.stream()
			.map((request) -> this.json.readTree(request.text()).get("message"))
			.filter((message) -> message.get("token").asString().equals(live))
			.findFirst()
			.orElseThrow();
		assertThat(sent.at("/notification/title").asString()).isEqualTo("New task from your coach");
		assertThat(sent.at("/notification/body").asString()).isEqualTo("Read chapter 3");
		assertThat(sent.at("/data/link").asString()).isEqualTo("/app/tasks/9");
		assertThat(sent.at("/data/type").asString()).isEqualTo("coach_assignment");
		assertThat(sent.at("/data/id").asString()).isEqualTo(notification.id().toString());
	}

	@Test
	void shouldPushToApnsWithAProviderTokenAndForgetUnregisteredDevices() {
		Member member = member();
		String live = hex(32);
		String dead = "dead" + hex(30);
		member.post("/api/v1/notifications/push/devices", "{\"platform\":\"apns\",\"token\":\"" + live + "\"}");
		member.post("/api/v1/notifications/push/devices", "{\"platform\":\"apns\",\"token\":\"" + dead + "\"}");

		NotificationView notification = notify(member, NotificationType.ACHIEVEMENT_UNLOCKED, "Achievement unlocked",
				"Early bird", "/app/achievements");

		await().atMost(30, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(member.get("/api/v1/notifications/push/devices").get("data"))
				.extracting((device) -> device.get("token").asString())
				.containsExactly(live));
		FakePushServices.Received request = await().atMost(10, TimeUnit.SECONDS)
			.until(() -> services.to("/3/device/" + live), (requests) -> !requests.isEmpty())
			.get(0);
		assertThat(request.headers()).containsEntry("apns-push-type", "alert").containsEntry("apns-priority", "10");
		JsonNode body = this.json.readTree(request.text());
		assertThat(body.at("/aps/alert/title").asString()).isEqualTo("Achievement unlocked");
		assertThat(body.at("/aps/alert/body").asString()).isEqualTo("Early bird");
		assertThat(body.get("id").asString()).isEqualTo(notification.id().toString());
		assertThat(body.get("link").asString()).isEqualTo("/app/achievements");
	}

	private NotificationView notify(Member member, NotificationType type, String title, String body, String link) {
		NotificationView notification = this.center
			.notify(new NewNotification(member.id(), type, title, body, link, Map.of(), null))
			.orElseThrow();
		pushChannel().deliver(member.id(), notification);
		return notification;
	}

	private NotificationChannel pushChannel() {
		return this.channels.stream().filter((channel) -> channel.name().equals("push")).findFirst().orElseThrow();
	}

	private Member member() {
		UserView user = AccountFixtures.create(this.accounts, Role.USER);
		return new Member(new UserId(user.id()), this.http.login(user.email(), AccountFixtures.PASSWORD), this.http);
	}

	private static Map<String, String> vapidParameters(String authorization) {
		assertThat(authorization).startsWith("vapid ");
		Map<String, String> parameters = new HashMap<>();
		for (String part : authorization.substring("vapid ".length()).split(",")) {
			String[] pair = part.strip().split("=", 2);
			parameters.put(pair[0], pair[1]);
		}
		return parameters;
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return String.format("%0" + (bytes * 2) + "x", new BigInteger(1, random));
	}

	private record Member(UserId id, String token, Http http) {

		JsonNode get(String path) {
			Http.Response response = client().get(path).bearer(this.token).execute();
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			return response.json();
		}

		Http.Response post(String path, String body) {
			return client().post(path, body).bearer(this.token).execute();
		}

		Http.Response delete(String path) {
			return client().delete(path).bearer(this.token).execute();
		}

		Http.Response subscribe(Browser browser) {
			return post("/api/v1/notifications/push/subscriptions", browser.subscriptionJson());
		}

		private Http client() {
			return this.http;
		}

	}

	/**
	 * A browser's side of a subscription: its key pair and auth secret, as
	 * {@code pushManager.subscribe} makes them.
	 */
	private static final class Browser {

		final String path;

		final String endpoint;

		final KeyPair keys = P256.generate();

		final String publicKey = P256.base64Url(P256.encode((ECPublicKey) this.keys.getPublic()));

		final byte[] authSecret = new byte[16];

		final String auth;

		Browser(String path) {
			this.path = path;
			this.endpoint = services.url(path);
			new SecureRandom().nextBytes(this.authSecret);
			this.auth = P256.base64Url(this.authSecret);
		}

		String subscriptionJson() {
			return "{\"endpoint\":\"" + this.endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
					+ this.publicKey + "\",\"auth\":\"" + this.auth + "\"}}";
		}

		String decrypt(byte[] body) throws Exception {
			return new String(PushServiceDecryption.decrypt(body, ((ECPrivateKey) this.keys.getPrivate()).getS(),
					P256.fromBase64Url(this.publicKey), this.authSecret), StandardCharsets.UTF_8);
		}

	}

}
