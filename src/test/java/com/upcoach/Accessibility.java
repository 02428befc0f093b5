package com.upcoach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Page;

import com.upcoach.platform.realtime.NodeClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (the npm package pinned in {@code src/test/node}) run in a real page: the WCAG
 * 2.0–2.2 A and AA rules and axe's best practices.
 */
public final class Accessibility {

	private static final String RUN = """
			async () => {
				const result = await axe.run(document, { runOnly: { type: 'tag', values:
					['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
				return result.violations
					.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
					.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at `
						+ violation.nodes.map((node) => node.target.join(' ')).join(', '));
			}""";

	private static String axe;

	private Accessibility() {
	}

	/**
	 * Fails with the violations of serious or critical impact on the page as it is now.
	 */
	public static void assertNoSeriousViolations(Page page) {
		// Evaluated through the DevTools protocol, which the page's CSP does not govern.
		page.evaluate("() => { " + source() + "\n}");
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.evaluate(RUN);
		assertThat(violations).as("accessibility of %s", page.url()).isEmpty();
	}

	private static synchronized String source() {
		if (axe == null) {
			try {
				axe = Files.readString(NodeClient.install().resolve("node_modules/axe-core/axe.min.js"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return axe;
	}

}
