package com.upcoach.identity.oauth2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for tests: keeps cookies, and follows the redirects of a provider round trip
 * until they leave it, returning where the browser ends up.
 */
final class RoundTripBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	RoundTripBrowser(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/**
	 * Open a page and follow redirects through the provider and our callback; stops at
	 * the first answer that is not a redirect, or at a redirect to another scheme (an
	 * app), to the sign-in or second-factor page or to the account page.
	 */
	Landing open(String path) {
		URI uri = URI.create(this.baseUrl + path);
		for (int hops = 0; hops < 10; hops++) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET().build());
			String location = response.headers().firstValue("Location").orElse(null);
			if (response.statusCode() / 100 != 3 || location == null) {
				return new Landing(uri, response);
			}
			URI next = uri.resolve(location);
			if (!next.getScheme().startsWith("http")
					|| next.getPath().startsWith("/login") && !next.getPath().startsWith("/login/oauth2/")
					|| next.getPath().startsWith("/account/")) {
				return new Landing(next, response);
			}
			uri = next;
		}
		throw new AssertionError("Too many redirects from " + path);
	}

	HttpResponse<String> get(String path) {
		return get(URI.create(this.baseUrl + path));
	}

	HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).GET().build());
	}

	/**
	 * Where one request redirects to.
	 */
	URI redirectOf(URI uri) {
		return uri.resolve(get(uri).headers().firstValue("Location").orElseThrow());
	}

	HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	static String csrfToken(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF field in: " + html);
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where a round trip ended.
	 *
	 * @param uri the last address: a redirect target or the page that answered
	 * @param response the last answer
	 */
	record Landing(URI uri, HttpResponse<String> response) {

		String query(String name) {
			String query = this.uri.getQuery();
			if (query == null) {
				return null;
			}
			for (String pair : query.split("&")) {
				String[] parts = pair.split("=", 2);
				if (parts[0].equals(name)) {
					return (parts.length > 1) ? parts[1] : "";
				}
			}
			return null;
		}

	}

}
