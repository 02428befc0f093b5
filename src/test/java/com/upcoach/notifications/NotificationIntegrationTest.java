package com.upcoach.notifications;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.upcoach.IntegrationTest;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The notification ITs share one context: fast heartbeats and small announcement batches
 * so tests see them work.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@Import(NotificationTestConfiguration.class)
@TestPropertySource(properties = { "upcoach.notifications.sse.heartbeat=1s", "upcoach.notifications.sse.max-per-user=3",
		"upcoach.notifications.announcement-batch-size=2" })
@interface NotificationIntegrationTest {

}
