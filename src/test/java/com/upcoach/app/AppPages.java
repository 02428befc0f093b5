package com.upcoach.app;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import com.upcoach.identity.AccountFixtures;

/**
 * What the member app's browser tests do alike: sign in through the sign-in page, find
 * buttons and headings by their accessible names, and post a form as the page would.
 */
final class AppPages {

	private AppPages() {
	}

	/**
	 * Sign in and wait for the app (Today, or the welcome for a member without habits).
	 */
	static void signIn(Page page, int port, String email) {
		page.navigate("http://localhost:" + port + "/login");
		page.getByLabel("Email address").fill(email);
		page.getByLabel("Password").fill(AccountFixtures.PASSWORD);
		button(page, "Sign in").click();
		page.waitForURL(Pattern.compile("/app/(welcome)?$"));
	}

	static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	static Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
	}

	/**
	 * Post a form with the page's CSRF token, as a hostile or outdated page could.
	 * @param form URL-encoded fields besides the token
	 * @return the status and the body
	 */
	static String post(Page page, String path, String form) {
		return (String) page.evaluate("""
				async ([path, form]) => {
					const csrf = document.querySelector('meta[name=_csrf]').content;
					const answer = await fetch(path, { method: 'POST',
						headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
						body: `_csrf=${encodeURIComponent(csrf)}&${form}` });
					return `${answer.status} ${(await answer.text()).trim()}`;
				}""", java.util.List.of(path, form));
	}

}
