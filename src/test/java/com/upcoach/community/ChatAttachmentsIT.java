package com.upcoach.community;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.community.ChatTestConfiguration.PostedMessages;
import com.upcoach.community.ChatTesting.Binary;
import com.upcoach.community.ChatTesting.Person;
import com.upcoach.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static com.upcoach.community.ChatTesting.idOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files in conversations: judged by their bytes, limited in size, stored through
 * {@code FileStorage}, downloadable by members only, and gone with their message.
 */
@IntegrationTest
@Import(ChatTestConfiguration.class)
@TestPropertySource(properties = "upcoach.community.max-attachment-bytes=64KB")
class ChatAttachmentsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	PostedMessages posted;

	ChatTesting chat;

	Http http;

	Person coach;

	Person client;

	UUID direct;

	@BeforeEach
	void setUp() {
		this.chat = new ChatTesting(this.port, this.context);
		this.http = this.chat.http();
		this.coach = this.chat.person(Role.COACH);
		this.client = this.chat.person(Role.USER);
		this.chat.connect(this.coach, this.client);
		this.direct = idOf(this.chat.direct(this.client, this.coach));
	}

	@Test
	void shouldShareAnImageThatMembersDownloadByteForByte() {
		byte[] png = png();
		Binary uploaded = this.chat.upload(this.client, this.direct, "../../progress \"photo\".png", "image/png", png);
		assertThat(uploaded.status()).isEqualTo(201);
		JsonNode attachment = uploaded.json().at("/data");
		assertThat(attachment.at("/contentType").asString()).isEqualTo("image/png");
		assertThat(attachment.at("/sizeBytes").asLong()).isEqualTo(png.length);
		assertThat(attachment.at("/fileName").asString()).as("no path, no quotes").isEqualTo("progress photo.png");
		String url = attachment.at("/url").asString();
		assertThat(url).isEqualTo("/api/v1/chats/" + this.direct + "/attachments/" + attachment.at("/id").asString());
		assertThat(this.chat.download(this.coach, url).status()).as("not shared until a message carries it")
			.isEqualTo(404);
		assertThat(this.chat.download(this.client, url).status()).as("but its uploader can see it").isEqualTo(200);
		Http.Response message = this.http
			.post("/api/v1/chats/" + this.direct + "/messages",
					"{\"id\":\"" + UUID.randomUUID() + "\",\"attachmentIds\":[\"" + attachment.at("/id").asString()
							+ "\"]}")
			.bearer(this.client.token())
			.execute();
		assertThat(message.status()).isEqualTo(201);
		assertThat(message.json().at("/data/text").isNull()).isTrue();
		assertThat(message.json().at("/data/attachments/0")).isEqualTo(attachment);
		assertThat(this.chat.messages(this.coach, this.direct, "").json().at("/data/messages/0/attachments/0"))
			.isEqualTo(attachment);
		assertThat(this.posted.of(this.direct).get(0).preview()).isEqualTo("Sent an attachment");
		assertThat(this.chat.listed(this.coach, this.direct).at("/lastMessage/attachments").asInt()).isEqualTo(1);
		Binary download = this.chat.download(this.coach, url);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.bytes()).isEqualTo(png);
		assertThat(download.header("Content-Type")).isEqualTo("image/png");
		assertThat(download.header("Content-Disposition")).startsWith("inline");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		Http.Response again = this.http
			.post("/api/v1/chats/" + this.direct + "/messages",
					"{\"attachmentIds\":[\"" + attachment.at("/id").asString() + "\"]}")
			.bearer(this.client.token())
			.execute();
		assertThat(again.status()).as("a file goes with one message").isEqualTo(400);
	}

	@Test
	void shouldOfferOtherFilesAsDownloads() {
		byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
		Binary uploaded = this.chat.upload(this.coach, this.direct, "plan.pdf", "application/octet-stream", pdf);
		assertThat(uploaded.status()).isEqualTo(201);
		assertThat(uploaded.json().at("/data/contentType").asString()).isEqualTo("application/pdf");
		Binary download = this.chat.download(this.coach, uploaded.json().at("/data/url").asString());
		assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("plan.pdf");
	}

	@Test
	void shouldRefuseFilesWhoseBytesAreNotAnAcceptedTypeWith415() {
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		Binary disguised = this.chat.upload(this.client, this.direct, "cat.png", "image/png", html);
		assertThat(disguised.status()).isEqualTo(415);
		assertThat(disguised.json().at("/error/code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		byte[] executable = new byte[512];
		executable[0] = 'M';
		executable[1] = 'Z';
		assertThat(this.chat.upload(this.client, this.direct, "photo.jpg", "image/jpeg", executable).status())
			.isEqualTo(415);
		assertThat(this.chat.upload(this.client, this.direct, "empty.png", "image/png", new byte[0]).status())
			.isEqualTo(400);
	}

	@Test
	void shouldRefuseFilesOverTheSizeLimitWith413() {
		byte[] png = png();
		byte[] big = Arrays.copyOf(png, 64 * 1024 + 1);
		Binary refused = this.chat.upload(this.client, this.direct, "big.png", "image/png", big);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.json().at("/error/code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(this.chat.upload(this.client, this.direct, "fits.png", "image/png", Arrays.copyOf(png, 64 * 1024))
			.status()).isEqualTo(201);
	}

	@Test
	void shouldKeepFilesFromEveryoneOutsideTheConversation() {
		UUID attachment = share(this.client, png());
		String url = "/api/v1/chats/" + this.direct + "/attachments/" + attachment;
		for (Role role : Role.values()) {
			Person stranger = this.chat.person(role);
			assertThat(this.chat.download(stranger, url).status()).isEqualTo(404);
			assertThat(this.chat.upload(stranger, this.direct, "x.png", "image/png", png()).status()).isEqualTo(404);
		}
		Person other = this.chat.person(Role.USER);
		this.chat.connect(this.coach, other);
		UUID otherChat = idOf(this.chat.direct(this.coach, other));
		assertThat(this.chat.download(other, "/api/v1/chats/" + otherChat + "/attachments/" + attachment).status())
			.as("a file of another conversation, through one the caller is in")
			.isEqualTo(404);
		assertThat(this.chat.download(this.coach, "/api/v1/chats/" + this.direct + "/attachments/" + UUID.randomUUID())
			.status()).isEqualTo(404);
	}

	@Test
	void shouldDeleteTheFilesOfADeletedMessage() {
		UUID attachment = share(this.client, png());
		String url = "/api/v1/chats/" + this.direct + "/attachments/" + attachment;
		UUID message = UUID
			.fromString(this.chat.messages(this.coach, this.direct, "").json().at("/data/messages/0/id").asString());
		Http.Response deleted = this.http.delete("/api/v1/chats/" + this.direct + "/messages/" + message)
			.bearer(this.client.token())
			.execute();
		assertThat(deleted.json().at("/data/attachments").size()).isZero();
		assertThat(this.chat.download(this.coach, url).status()).isEqualTo(404);
		assertThat(this.chat.download(this.client, url).status()).isEqualTo(404);
	}

	private UUID share(Person from, byte[] png) {
		Binary uploaded = this.chat.upload(from, this.direct, "photo.png", "image/png", png);
		String id = uploaded.json().at("/data/id").asString();
		Http.Response message = this.http
			.post("/api/v1/chats/" + this.direct + "/messages",
					"{\"text\":\"Look\",\"attachmentIds\":[\"" + id + "\"]}")
			.bearer(from.token())
			.execute();
		assertThat(message.status()).isEqualTo(201);
		return UUID.fromString(id);
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xff8800);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
