package com.upcoach.notifications.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the push services: browsers' Web Push endpoints
 * ({@code /push/...}, answering what a test scripts, 201 by default), Google's OAuth2
 * token endpoint and FCM HTTP v1 API, and APNs. It records every request; the FCM and
 * APNs parts check the caller's signed tokens as the real services do.
 */
final class FakePushServices {

	static final String FCM_PROJECT = "upcoach-test";

	static final String FCM_CLIENT = "push@upcoach-test.iam.gserviceaccount.com";

	static final String APNS_TEAM = "TEAM123456";

	static final String APNS_KEY_ID = "KEY7654321";

	static final String APNS_TOPIC = "app.upcoach.ios";

	final KeyPair fcmAccount = generate("RSA", 2048);

	final KeyPair apnsKey = P256.generate();

	final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

	private final HttpServer server;

	private volatile String issuedAccessToken;

	FakePushServices() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			try {
				handle(exchange);
			}
			catch (Exception ex) {
				respond(exchange, 599, ex.toString());
			}
		});
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/**
	 * The statuses a Web Push endpoint answers, in order; 201 after them.
	 */
	void script(String path, Integer... statuses) {
		this.scripts.put(path, new ConcurrentLinkedDeque<>(List.of(statuses)));
	}

	List<Received> to(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	void stop() {
		this.server.stop(0);
	}

	/**
	 * The service account JSON a Firebase console would hand out, pointing at this
	 * server's token endpoint.
	 */
	String serviceAccountJson() {
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(this.fcmAccount.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		return "{\"type\":\"service_account\",\"project_id\":\"" + FCM_PROJECT + "\",\"private_key_id\":\"k1\","
				+ "\"private_key\":\"" + pem.replace("\n", "\\n") + "\",\"client_email\":\"" + FCM_CLIENT
				+ "\",\"token_uri\":\"" + url("/token") + "\"}";
	}

	String apnsKeyPem() {
		return "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(this.apnsKey.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
	}

	private void handle(HttpExchange exchange) throws Exception {
		String path = exchange.getRequestURI().getPath();
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> headers = new ConcurrentHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		if (path.equals("/token")) {
			token(exchange, new String(body, StandardCharsets.UTF_8));
			return;
		}
		Received request = new Received(path, headers, body);
		this.received.add(request);
		if (path.startsWith("/push/")) {
			Deque<Integer> script = this.scripts.get(path);
			Integer status = (script != null) ? script.poll() : null;
			respond(exchange, (status != null) ? status : 201, "");
		}
		else if (path.equals("/v1/projects/" + FCM_PROJECT + "/messages:send")) {
			fcm(exchange, headers, new String(body, StandardCharsets.UTF_8));
		}
		else if (path.startsWith("/3/device/")) {
			apns(exchange, headers, path.substring("/3/device/".length()));
		}
		else {
			respond(exchange, 404, "");
		}
	}

	private void token(HttpExchange exchange, String form) throws Exception {
		Map<String, String> fields = new ConcurrentHashMap<>();
		for (String pair : form.split("&")) {
			String[] parts = pair.split("=", 2);
			fields.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		SignedJWT assertion = SignedJWT.parse(fields.get("assertion"));
		boolean valid = "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))
				&& assertion.verify(new RSASSAVerifier((RSAPublicKey) this.fcmAccount.getPublic()))
				&& FCM_CLIENT.equals(assertion.getJWTClaimsSet().getIssuer())
				&& assertion.getJWTClaimsSet().getAudience().contains(url("/token"))
				&& "https://www.googleapis.com/auth/firebase.messaging"
					.equals(assertion.getJWTClaimsSet().getStringClaim("scope"));
		if (!valid) {
			respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		this.issuedAccessToken = "ya29." + java.util.UUID.randomUUID();
		respond(exchange, 200,
				"{\"access_token\":\"" + this.issuedAccessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
	}

	private void fcm(HttpExchange exchange, Map<String, String> headers, String body) throws IOException {
		if (this.issuedAccessToken == null
				|| !("Bearer " + this.issuedAccessToken).equals(headers.get("authorization"))) {
			respond(exchange, 401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}");
			return;
		}
		if (body.contains("\"token\":\"unregistered")) {
			respond(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
					+ "\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
					+ "\"errorCode\":\"UNREGISTERED\"}]}}");
			return;
		}
		respond(exchange, 200, "{\"name\":\"projects/" + FCM_PROJECT + "/messages/0:1\"}");
	}

	private void apns(HttpExchange exchange, Map<String, String> headers, String deviceToken) throws Exception {
		String authorization = headers.getOrDefault("authorization", "");
		SignedJWT jwt = SignedJWT.parse(authorization.substring("bearer ".length()));
		boolean valid = authorization.startsWith("bearer ")
				&& jwt.verify(new ECDSAVerifier((ECPublicKey) this.apnsKey.getPublic()))
				&& APNS_KEY_ID.equals(jwt.getHeader().getKeyID()) && APNS_TEAM.equals(jwt.getJWTClaimsSet().getIssuer())
				&& APNS_TOPIC.equals(headers.get("apns-topic"));
		if (!valid) {
			respond(exchange, 403, "{\"reason\":\"InvalidProviderToken\"}");
			return;
		}
		if (deviceToken.startsWith("dead")) {
			respond(exchange, 410, "{\"reason\":\"Unregistered\",\"timestamp\":1700000000000}");
			return;
		}
		exchange.getResponseHeaders().add("apns-id", java.util.UUID.randomUUID().toString());
		respond(exchange, 200, "");
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private static KeyPair generate(String algorithm, int size) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			generator.initialize(size);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Received(String path, Map<String, String> headers, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
