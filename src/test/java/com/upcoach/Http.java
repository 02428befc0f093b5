package com.upcoach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against a running node, so tests see exactly what a client sees:
 * status, headers and the raw JSON.
 */
public final class Http {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	public Http(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public Request get(String path) {
		return new Request("GET", path, HttpRequest.BodyPublishers.noBody());
	}

	public Request delete(String path) {
		return new Request("DELETE", path, HttpRequest.BodyPublishers.noBody());
	}

	public Request post(String path, String body) {
		return new Request("POST", path, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type",
				"application/json");
	}

	public Request put(String path, String body) {
		return send("PUT", path, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
	}

	public Request patch(String path, String body) {
		return new Request("PATCH", path, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type",
				"application/json");
	}

	public Request send(String method, String path, HttpRequest.BodyPublisher body) {
		return new Request(method, path, body);
	}

	/**
	 * Sign in through the API and return the access token.
	 */
	public String login(String email, String password) {
		Response response = post("/api/v1/auth/login",
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
			.execute();
		if (response.status() != 200) {
			throw new IllegalStateException("Sign-in of " + email + " failed: " + response.body());
		}
		return response.json().at("/data/accessToken").asString();
	}

	public final class Request {

		private final HttpRequest.Builder builder;

		private Request(String method, String path, HttpRequest.BodyPublisher body) {
			this.builder = HttpRequest.newBuilder(URI.create(Http.this.baseUrl + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, body);
		}

		public Request header(String name, String value) {
			this.builder.header(name, value);
			return this;
		}

		public Request bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Response execute() {
			try {
				HttpResponse<String> response = Http.this.client.send(this.builder.build(),
						HttpResponse.BodyHandlers.ofString());
				return new Response(response);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return json.readTree(this.raw.body());
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public Map<String, java.util.List<String>> headers() {
			return this.raw.headers().map();
		}

		public String errorCode() {
			return json().at("/error/code").asString();
		}

	}

}
