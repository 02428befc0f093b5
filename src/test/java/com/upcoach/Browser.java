package com.upcoach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Real-browser tests: gives each test a fresh Chromium page (its own cookies), driven by
 * Playwright. Debian's Chromium is used rather than a downloaded one. Without it the
 * tests are skipped, unless {@code UPCOACH_TEST_BROWSER=required} (as in CI), where its
 * absence fails them; {@code UPCOACH_TEST_BROWSER=off} skips them even where it is.
 */
public final class Browser implements BeforeAllCallback, ParameterResolver {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final String ENV = "UPCOACH_TEST_BROWSER";

	private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			// A microphone that plays a tone, allowed without asking: the voice journal
			// records it.
			"--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		if ("off".equalsIgnoreCase(System.getenv(ENV))) {
			Assumptions.abort(ENV + "=off; browser tests skipped");
		}
		if (!Files.isExecutable(CHROMIUM)) {
			if ("required".equalsIgnoreCase(System.getenv(ENV))) {
				throw new IllegalStateException(
						CHROMIUM + " is missing but " + ENV + "=required; install it with apt-get install chromium");
			}
			Assumptions.abort(CHROMIUM + " is not installed; browser tests skipped");
		}
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		// Kept in the class's store, which closes it (and the browser with it) after
		// the last test.
		context.getStore(NAMESPACE)
			.put(Chromium.class, new Chromium(playwright, playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS))));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Page.class;
	}

	/**
	 * A page in a browser context of its own, closed with the test's store.
	 */
	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		BrowserContext session = context.getStore(NAMESPACE).get(Chromium.class, Chromium.class).browser().newContext();
		context.getStore(NAMESPACE).put(BrowserContext.class, session);
		return session.newPage();
	}

	private record Chromium(Playwright playwright, com.microsoft.playwright.Browser browser) implements AutoCloseable {

		@Override
		public void close() {
			this.playwright.close();
		}

	}

}
