package com.upcoach.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints where the platform can be reached once it is ready.
 */
@Component
class StartupSummary {

	private static final Logger logger = LoggerFactory.getLogger(StartupSummary.class);

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext context)
				|| context.getWebServer() == null) {
			return;
		}
		String base = "http://localhost:" + context.getWebServer().getPort();
		String summary = String.join(System.lineSeparator(), "", "UpCoach is running:",
				"  Site            " + base + "/", "  REST API        " + base + "/api/v1",
				"  API docs        " + base + "/api/docs", "  OpenAPI         " + base + "/api/v1/openapi.json",
				"  Health          " + base + "/actuator/health", "");
		// The structured log escapes line breaks; a person starting the app wants to read
		// this.
		System.out.println(summary);
		logger.info("UpCoach ready at {}", base);
	}

}
