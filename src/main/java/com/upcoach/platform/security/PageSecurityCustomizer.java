package com.upcoach.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets a module add sign-in methods (social login, passkeys) to the pages' filter chain
 * without this package knowing the module.
 */
@FunctionalInterface
public interface PageSecurityCustomizer {

	void customize(HttpSecurity http) throws Exception;

}
