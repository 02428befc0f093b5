package com.upcoach.platform.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OpenApiIT {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldDescribeTheApiAsValidOpenApi31() throws IOException {
		Http.Response response = this.http.get("/api/v1/openapi.json").execute();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("openapi").asString()).startsWith("3.1");
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIParser().readContents(response.body(), null, options);
		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/auth/login", "/api/v1/users/me",
				"/api/v1/users", "/api/v1/users/{id}");
		// CI lints this copy with Redocly CLI (.ci/openapi-lint.sh), without the
		// endpoints that exist only in tests and the schemas only they use, so it is
		// the document production serves.
		ObjectNode production = (ObjectNode) response.json();
		((ObjectNode) production.get("paths")).remove(List.of("/api/v1/probe/echo", "/api/v1/probe/boom",
				"/api/v1/probe/log", "/api/v1/probe/legacy", "/api/v1/probe/search", "/api/v1/probe/upload"));
		ObjectNode schemas = (ObjectNode) production.at("/components/schemas");
		for (String probeSchema : List.of("ApiResponseEchoRequest", "EchoRequest", "ApiResponseLong",
				"ApiResponseString", "ApiResponseVoid")) {
			if (!production.toString().contains("\"#/components/schemas/" + probeSchema + "\"")) {
				schemas.remove(probeSchema);
			}
		}
		assertThat(production.get("paths").propertyNames()).noneMatch((path) -> path.startsWith("/api/v1/probe"));
		Files.writeString(Path.of("target", "openapi.json"), production.toString());
	}

	@Test
	void shouldDocumentErrorsWithExamplesShapedLikeTheRealResponses() {
		JsonNode doc = this.http.get("/api/v1/openapi.json").execute().json();
		JsonNode documented = doc
			.at("/paths/~1api~1v1~1users~1me/get/responses/401/content/application~1json/examples/UNAUTHENTICATED/value");
		assertThat(documented.isMissingNode()).isFalse();
		JsonNode real = this.http.get("/api/v1/users/me").execute().json();
		assertThat(shape(documented)).isEqualTo(shape(real));
		assertThat(documented.at("/error/code").asString()).isEqualTo(real.at("/error/code").asString());

		JsonNode validation = doc
			.at("/paths/~1api~1v1~1auth~1login/post/responses/400/content/application~1json/examples/VALIDATION_ERROR/value");
		JsonNode realValidation = this.http
			.post("/api/v1/auth/login", "{\"email\":\"not-an-email\",\"password\":\"x\"}")
			.execute()
			.json();
		assertThat(shape(validation)).isEqualTo(shape(realValidation));
	}

	@Test
	void shouldMarkPublicEndpointsAsNotNeedingAToken() {
		JsonNode doc = this.http.get("/api/v1/openapi.json").execute().json();
		assertThat(doc.at("/paths/~1api~1v1~1auth~1login/post/security").isEmpty()).isTrue();
		assertThat(doc.at("/paths/~1api~1v1~1auth~1login/post/responses/401").isMissingNode()).isTrue();
		assertThat(doc.at("/security/0/bearerAuth").isMissingNode()).isFalse();
	}

	@Test
	void shouldFlagDeprecatedEndpoints() {
		JsonNode doc = this.http.get("/api/v1/openapi.json").execute().json();
		assertThat(doc.at("/paths/~1api~1v1~1probe~1legacy/get/deprecated").asBoolean()).isTrue();
	}

	@Test
	void shouldServeSwaggerUi() {
		Http.Response redirect = this.http.get("/api/docs").execute();
		assertThat(redirect.status()).isEqualTo(302);
		Http.Response page = this.http.get(redirect.header("Location").replaceFirst("^https?://[^/]+", "")).execute();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

	/**
	 * The field paths of a JSON document, ignoring values, so two documents of the same
	 * shape compare equal.
	 */
	private static List<String> shape(JsonNode node) {
		List<String> paths = new ArrayList<>();
		collect(node, "", paths);
		return paths.stream().sorted().toList();
	}

	private static void collect(JsonNode node, String prefix, List<String> paths) {
		if (node.isObject()) {
			Iterator<String> names = node.propertyNames().iterator();
			while (names.hasNext()) {
				String name = names.next();
				paths.add(prefix + "/" + name);
				collect(node.get(name), prefix + "/" + name, paths);
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			collect(node.get(0), prefix + "[]", paths);
		}
	}

}
