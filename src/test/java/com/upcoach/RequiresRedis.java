package com.upcoach;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test that needs Redis where Redis answers. On the PostgreSQL + Redis stack (CI)
 * it always runs, so a missing Redis fails loudly instead of skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresRedis.Condition.class)
public @interface RequiresRedis {

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (TestStack.isPostgres()) {
				return ConditionEvaluationResult.enabled("the PostgreSQL + Redis stack demands Redis");
			}
			return TestStack.redisAvailable() ? ConditionEvaluationResult.enabled("Redis answers")
					: ConditionEvaluationResult.disabled("no Redis at " + TestStack.redisHost() + ":"
							+ TestStack.redisPort() + "; set " + TestStack.ENV + "=postgres to require it");
		}

	}

}
