package com.upcoach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for the server-rendered pages: it keeps cookies, posts
 * forms with the CSRF token of the page it last loaded, and follows redirects only when
 * asked, so tests see every step.
 */
public final class PageClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private final String baseUrl;

	private String csrf;

	public PageClient(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/**
	 * Submit a form with the CSRF token of the last page loaded.
	 */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			withToken.putIfAbsent("_csrf", this.csrf);
		}
		return postRaw(path, withToken);
	}

	public Page postWithoutCsrf(String path, Map<String, String> fields) {
		return postRaw(path, fields);
	}

	/**
	 * Follow a redirect the way a browser would.
	 */
	public Page follow(Page redirect) {
		if (redirect.location() == null) {
			throw new AssertionError("Not a redirect: " + redirect.status() + " " + redirect.body());
		}
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/").resolve(redirect.location())).GET());
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Page postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(
					request.timeout(Duration.ofSeconds(30)).header("User-Agent", "PageClient/1.0").build(),
					HttpResponse.BodyHandlers.ofString());
			Page page = new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null), response.headers().allValues("Set-Cookie"));
			Matcher token = CSRF.matcher(page.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return page;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A response as a browser gets it.
	 *
	 * @param status the status code
	 * @param body the HTML
	 * @param location where a redirect points
	 * @param setCookies the {@code Set-Cookie} headers
	 */
	public record Page(int status, String body, String location, List<String> setCookies) {

		public String setCookie(String name) {
			return this.setCookies.stream().filter((cookie) -> cookie.startsWith(name + "=")).findFirst().orElse(null);
		}

	}

}
