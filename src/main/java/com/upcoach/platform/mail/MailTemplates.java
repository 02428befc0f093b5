package com.upcoach.platform.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Renders mail from Thymeleaf templates on the classpath:
 * {@code templates/mail/<name>.html} (HTML mode, values escaped) and
 * {@code templates/mail/<name>.txt} (text mode, values as they are). Both must exist. The
 * engine is its own, not the page engine, so mail templates and page templates cannot
 * shadow each other.
 */
@Component
public class MailTemplates {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	MailTemplates() {
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html"));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt"));
	}

	/**
	 * Render a message.
	 * @param template the name under {@code templates/mail/}, e.g.
	 * {@code identity/password-reset}
	 * @param to the recipient
	 * @param subject the subject
	 * @param model the values the templates see
	 * @param locale the recipient's locale, for dates and numbers
	 */
	public MailMessage render(String template, String to, String subject, Map<String, ?> model, Locale locale) {
		Assert.isTrue(template != null && NAME.matcher(template).matches(), () -> "Invalid template name " + template);
		Context context = new Context(locale);
		model.forEach(context::setVariable);
		return new MailMessage(to, subject, this.engine.process(template + ".txt", context),
				this.engine.process(template + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(Set.of("*" + suffix));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		return resolver;
	}

}
