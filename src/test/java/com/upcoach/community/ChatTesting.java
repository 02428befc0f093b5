package com.upcoach.community;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.Http;
import com.upcoach.coaching.CoachingFixtures;
import com.upcoach.coaching.RelationshipView;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.context.ApplicationContext;

/**
 * People signed in over the API and the chat calls the tests make, plus multipart uploads
 * and byte downloads, which {@link Http} does not do.
 */
final class ChatTesting {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Http http;

	private final String baseUrl;

	private final ApplicationContext context;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ChatTesting(int port, ApplicationContext context) {
		this.http = new Http(port);
		this.baseUrl = "http://localhost:" + port;
		this.context = context;
	}

	Http http() {
		return this.http;
	}

	/**
	 * A new account with a signed-in token.
	 */
	Person person(Role role) {
		UserView user = AccountFixtures.create(this.context.getBean(AccountManagement.class), role);
		return new Person(user, this.http.login(user.email(), AccountFixtures.PASSWORD));
	}

	/**
	 * An active coach–client relationship.
	 */
	RelationshipView connect(Person coach, Person client) {
		return CoachingFixtures.connect(this.context, coach.user(), client.user());
	}

	Http.Response direct(Person from, Person to) {
		return this.http.post("/api/v1/chats", "{\"kind\":\"direct\",\"userId\":\"" + to.id() + "\"}")
			.bearer(from.token())
			.execute();
	}

	Http.Response group(Person owner, String visibility, String title, Person... members) {
		StringBuilder ids = new StringBuilder();
		for (Person member : members) {
			ids.append(ids.isEmpty() ? "" : ",").append('"').append(member.id()).append('"');
		}
		return this.http
			.post("/api/v1/chats",
					"{\"kind\":\"group\",\"visibility\":\"" + visibility + "\",\"title\":\"" + title
							+ "\",\"memberIds\":[" + ids + "]}")
			.bearer(owner.token())
			.execute();
	}

	/**
	 * A conversation's id from a create answer, failing on anything but 200/201.
	 */
	static UUID idOf(Http.Response response) {
		if (response.status() != 200 && response.status() != 201) {
			throw new AssertionError("Expected a conversation, got " + response.status() + ": " + response.body());
		}
		return UUID.fromString(response.json().at("/data/id").asString());
	}

	Http.Response post(Person from, UUID chatId, UUID messageId, String text) {
		String body = "{" + ((messageId != null) ? "\"id\":\"" + messageId + "\"," : "") + "\"text\":"
				+ json.writeValueAsString(text) + "}";
		return this.http.post("/api/v1/chats/" + chatId + "/messages", body).bearer(from.token()).execute();
	}

	UUID send(Person from, UUID chatId, String text) {
		Http.Response response = post(from, chatId, UUID.randomUUID(), text);
		if (response.status() != 201) {
			throw new AssertionError("Expected a posted message, got " + response.status() + ": " + response.body());
		}
		return UUID.fromString(response.json().at("/data/id").asString());
	}

	Http.Response messages(Person as, UUID chatId, String query) {
		return this.http.get("/api/v1/chats/" + chatId + "/messages" + query).bearer(as.token()).execute();
	}

	Http.Response read(Person as, UUID chatId, UUID messageId) {
		return this.http.post("/api/v1/chats/" + chatId + "/read", "{\"messageId\":\"" + messageId + "\"}")
			.bearer(as.token())
			.execute();
	}

	Http.Response conversations(Person as) {
		return this.http.get("/api/v1/chats").bearer(as.token()).execute();
	}

	/**
	 * The entry of one conversation in a person's list.
	 */
	JsonNode listed(Person as, UUID chatId) {
		for (JsonNode chat : conversations(as).json().at("/data")) {
			if (chat.at("/id").asString().equals(chatId.toString())) {
				return chat;
			}
		}
		throw new AssertionError("Conversation " + chatId + " is not in the list");
	}

	Binary upload(Person as, UUID chatId, String filename, String declaredType, byte[] content) {
		String boundary = "----upcoach" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/chats/" + chatId + "/attachments"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + as.token())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	Binary download(Person as, String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + as.token())
			.GET()
			.build());
	}

	private Binary send(HttpRequest request) {
		try {
			return new Binary(this.client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Person(UserView user, String token) {

		UUID id() {
			return this.user.id();
		}

		UserId userId() {
			return new UserId(this.user.id());
		}

	}

	record Binary(HttpResponse<byte[]> raw) {

		int status() {
			return this.raw.statusCode();
		}

		byte[] bytes() {
			return this.raw.body();
		}

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		JsonNode json() {
			return ChatTesting.json.readTree(new String(this.raw.body(), StandardCharsets.UTF_8));
		}

	}

}
