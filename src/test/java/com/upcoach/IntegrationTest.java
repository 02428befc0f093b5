package com.upcoach;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application on a random port, on the stack {@link TestStack} selects.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStack.class)
public @interface IntegrationTest {

	/**
	 * The tag of integration tests that mostly wait on real clocks and job polling
	 * (reminders at their minute, mail and push retries), whatever the stack: CI runs
	 * them on PostgreSQL + Redis only.
	 */
	String SLOW = "slow";

}
