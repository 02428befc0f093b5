package com.upcoach.platform.api;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiConventionsIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	Http http;

	String token;

	@BeforeEach
	void signIn() {
		this.http = new Http(this.port);
		UserView member = AccountFixtures.create(this.accounts, Role.USER);
		this.token = this.http.login(member.email(), AccountFixtures.PASSWORD);
	}

	@Test
	void shouldWrapSuccessInTheEnvelope() {
		Http.Response response = this.http
			.post("/api/v1/probe/echo", "{\"name\":\"walk\",\"count\":3,\"kind\":\"HABIT\"}")
			.bearer(this.token)
			.execute();
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.at("/data/name").asString()).isEqualTo("walk");
		assertThat(body.get("message").asString()).isEqualTo("Echoed");
		assertThat(body.has("pagination")).isFalse();
	}

	@Test
	void shouldListEveryInvalidFieldInTheDetails() {
		Http.Response response = this.http.post("/api/v1/probe/echo", "{\"name\":\"\",\"count\":11,\"kind\":\"HABIT\"}")
			.bearer(this.token)
			.execute();
		assertValidationError(response);
		assertThat(response.json().at("/error/details").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"count");
	}

	@Test
	void shouldAnswerMalformedJsonWithValidationError() {
		Http.Response response = this.http.post("/api/v1/probe/echo", "{\"name\": \"walk\",")
			.bearer(this.token)
			.execute();
		assertValidationError(response);
		assertThat(response.json().at("/error/message").asString()).isEqualTo("Malformed JSON in request body");
	}

	@Test
	void shouldNameTheFieldWithTheWrongType() {
		Http.Response response = this.http
			.post("/api/v1/probe/echo", "{\"name\":\"walk\",\"count\":\"many\",\"kind\":\"HABIT\"}")
			.bearer(this.token)
			.execute();
		assertValidationError(response);
		assertThat(response.json().at("/error/details/0/field").asString()).isEqualTo("count");
	}

	@Test
	void shouldRefuseAnUnknownFieldInsteadOfIgnoringIt() {
		Http.Response response = this.http.patch("/api/v1/users/me", "{\"nmae\":\"Typo\"}")
			.bearer(this.token)
			.execute();
		assertValidationError(response);
		assertThat(response.json().at("/error/details/0/field").asString()).isEqualTo("nmae");
		assertThat(response.json().at("/error/details/0/message").asString()).isEqualTo("Unknown field");
	}

	@Test
	void shouldListTheAllowedValuesOfAnUnknownEnumValue() {
		Http.Response response = this.http
			.post("/api/v1/probe/echo", "{\"name\":\"walk\",\"count\":1,\"kind\":\"DREAM\"}")
			.bearer(this.token)
			.execute();
		assertValidationError(response);
		assertThat(response.json().at("/error/details/0/field").asString()).isEqualTo("kind");
		assertThat(response.json().at("/error/details/0/message").asString()).contains("HABIT", "GOAL");
	}

	@Test
	void shouldAnswerUnknownQueryEnumWithValidationError() {
		Http.Response response = this.http.get("/api/v1/users?role=superuser").bearer(adminToken()).execute();
		assertValidationError(response);
		assertThat(response.json().at("/error/details/0/message").asString()).contains("organization_admin");
	}

	@Test
	void shouldRefuseAnOversizedBodyWith413() {
		String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"count\":1,\"kind\":\"HABIT\"}";
		Http.Response response = this.http.post("/api/v1/probe/echo", big).bearer(this.token).execute();
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void shouldRefuseAnOversizedChunkedBodyWith413() {
		String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"count\":1,\"kind\":\"HABIT\"}";
		// A streamed publisher of unknown length makes the client send the body chunked.
		HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers
			.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()));
		Http.Response response = this.http.send("POST", "/api/v1/probe/echo", chunked)
			.header("Content-Type", "application/json")
			.bearer(this.token)
			.execute();
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void shouldAnswerAnUnknownRouteWith404() {
		Http.Response response = this.http.get("/api/v1/no-such-thing").bearer(this.token).execute();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void shouldAnswerAnUnknownRouteWith404EvenWithoutAToken() {
		Http.Response response = this.http.get("/api/v1/no-such-thing").execute();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(this.http.get("/api/v1/users/me").execute().status()).as("a real route still needs a token")
			.isEqualTo(401);
	}

	@Test
	void shouldAnswerAnUnknownUserIdWith404() {
		Http.Response response = this.http.get("/api/v1/users/" + UUID.randomUUID()).bearer(adminToken()).execute();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void shouldAnswerAMalformedIdWithValidationError() {
		Http.Response response = this.http.get("/api/v1/users/not-a-uuid").bearer(adminToken()).execute();
		assertValidationError(response);
		assertThat(response.json().at("/error/details/0/field").asString()).isEqualTo("id");
	}

	@Test
	void shouldAnswerAWrongMethodWith405AndAllow() {
		Http.Response response = this.http.delete("/api/v1/probe/echo").bearer(this.token).execute();
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
		assertThat(response.header("Allow")).contains("POST");
	}

	@Test
	void shouldAnswerAnUnsupportedContentTypeWith415() {
		Http.Response response = this.http
			.send("POST", "/api/v1/probe/echo", HttpRequest.BodyPublishers.ofString("name=walk"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.bearer(this.token)
			.execute();
		assertThat(response.status()).isEqualTo(415);
		assertThat(response.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void shouldHideTheCauseOfAnInternalErrorAndLogItsReference(CapturedOutput output) {
		Http.Response response = this.http.get("/api/v1/probe/boom").bearer(this.token).execute();
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.errorCode()).isEqualTo("INTERNAL_ERROR");
		assertThat(response.body()).doesNotContain("hunter2", "IllegalStateException", "at com.upcoach");
		String reference = response.json().at("/error/reference").asString();
		assertThat(reference).matches("[0-9a-f-]{36}");
		assertThat(output.getOut()).contains("reference=" + reference).contains("hunter2");
	}

	@Test
	void shouldEchoTheCallersRequestId() {
		Http.Response response = this.http.get("/api/v1/probe/log")
			.header("X-Request-Id", "trace-abc-123")
			.bearer(this.token)
			.execute();
		assertThat(response.header("X-Request-Id")).isEqualTo("trace-abc-123");
	}

	@Test
	void shouldReplaceAHostileRequestIdWithAGeneratedOne() {
		Http.Response response = this.http.get("/api/v1/probe/log")
			.header("X-Request-Id", "x\"}{\"level\":\"forged")
			.bearer(this.token)
			.execute();
		assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

	@Test
	void shouldPutTheRequestIdAndUserIdInEveryLogLineOfTheRequest(CapturedOutput output) {
		String requestId = "log-" + UUID.randomUUID();
		this.http.get("/api/v1/probe/log").header("X-Request-Id", requestId).bearer(this.token).execute();
		List<String> lines = Stream.of(output.getOut().split("\\R"))
			.filter((line) -> line.contains(requestId))
			.toList();
		assertThat(lines).anyMatch((line) -> line.contains("probe handled a request"))
			.anyMatch((line) -> line.contains("GET /api/v1/probe/log 200"));
		assertThat(lines)
			.allMatch((line) -> line.startsWith("{") && line.contains("\"requestId\":\"" + requestId + "\"")
					&& Pattern.compile("\"userId\":\"[0-9a-f-]{36}\"").matcher(line).find());
	}

	@Test
	void shouldSendDeprecationSunsetAndLinkHeadersOnADeprecatedEndpoint() {
		Http.Response response = this.http.get("/api/v1/probe/legacy").bearer(this.token).execute();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Deprecation")).isEqualTo("@1767225600");
		assertThat(response.header("Sunset")).isEqualTo("Wed, 30 Jun 2027 00:00:00 GMT");
		assertThat(response.header("Link")).contains("</api/v2/probe/legacy>; rel=\"successor-version\"")
			.contains("rel=\"deprecation\"");
		Http.Response current = this.http.get("/api/v1/probe/log").bearer(this.token).execute();
		assertThat(current.header("Deprecation")).isNull();
	}

	private String adminToken() {
		UserView admin = AccountFixtures.create(this.accounts, Role.ADMIN);
		return this.http.login(admin.email(), AccountFixtures.PASSWORD);
	}

	private static void assertValidationError(Http.Response response) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("success").asBoolean()).isFalse();
		assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
	}

}
