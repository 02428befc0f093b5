package com.upcoach.platform.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.DispatcherType;

import com.upcoach.platform.api.ApiPaths;
import com.upcoach.platform.api.ErrorResponses;
import com.upcoach.shared.Role;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Four filter chains: actuator (health public, the rest for admins and the metrics
 * scraper), the notification stream (bearer token or page session), the stateless
 * bearer-token API, and the session + CSRF pages.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "manifest-src 'self'; worker-src 'self'";

	/**
	 * The authentication endpoints a client calls before it has an access token; the rest
	 * of {@code /api/v1/auth} needs one.
	 */
	static final String[] PUBLIC_AUTHENTICATION = { "/api/v1/auth/register", "/api/v1/auth/email/verify",
			"/api/v1/auth/password/forgot", "/api/v1/auth/password/reset", "/api/v1/auth/login",
			"/api/v1/auth/2fa/verify", "/api/v1/auth/refresh", "/api/v1/auth/oauth2/**",
			"/api/v1/auth/webauthn/authenticate/**", "/api/v1/auth/2fa/webauthn/options",
			"/api/v1/auth/2fa/webauthn/verify" };

	/**
	 * The identity pages a visitor uses before being signed in, besides {@code /login}.
	 */
	static final String[] PUBLIC_PAGES = { "/login/2fa", "/signup", "/verify-email", "/forgot-password",
			"/reset-password" };

	@Bean
	@Order(1)
	SecurityFilterChain actuatorChain(HttpSecurity http, SecuritySettings settings, ErrorResponses errors,
			JwtDecoder jwtDecoder) throws Exception {
		// Actuator endpoints are not controller mappings: every refusal here is a 401.
		ApiAuthenticationFailures failures = new ApiAuthenticationFailures(errors, (request) -> false);
		JwtAuthenticationProvider bearer = new JwtAuthenticationProvider(jwtDecoder);
		bearer.setJwtAuthenticationConverter(JwtConfiguration.authenticationConverter());
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.anyRequest()
				.hasAnyRole(Role.ADMIN.name(), "METRICS"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(failures))
			// Basic auth knows only the scraper; admins come with their bearer token.
			.authenticationManager(new ProviderManager(bearer, metricsScraper(settings)))
			.oauth2ResourceServer((oauth) -> oauth.jwt(Customizer.withDefaults()).authenticationEntryPoint(failures))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(failures).accessDeniedHandler(failures))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.headers(SecurityConfiguration::securityHeaders);
		return http.build();
	}

	/**
	 * The notification stream ({@code /api/v1/sse/**}) takes the API's bearer token and
	 * also the pages' session cookie, because a browser's {@code EventSource} cannot send
	 * an {@code Authorization} header. It never creates a session; CSRF stays on (the
	 * stream is a GET, which it does not check). Ordered with the actuator chain, whose
	 * paths it does not share, so it comes before the API chain.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain streamChain(HttpSecurity http, ErrorResponses errors,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
			throws Exception {
		ApiAuthenticationFailures failures = new ApiAuthenticationFailures(errors, new UnmappedApiRoute(mappings));
		http.securityMatcher("/api/v1/sse/**")
			// The dispatch that ends a finished stream was authorised when it opened.
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers(HttpMethod.OPTIONS)
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		return bearerApi(http, failures).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, ErrorResponses errors,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
			throws Exception {
		ApiAuthenticationFailures failures = new ApiAuthenticationFailures(errors, new UnmappedApiRoute(mappings));
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.OPTIONS)
				.permitAll()
				.requestMatchers(HttpMethod.POST, PUBLIC_AUTHENTICATION)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/auth/oauth2/providers")
				.permitAll()
				.requestMatchers(ApiPaths.DOCUMENTATION)
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are not sent automatically by browsers, so there is nothing
			// to forge; the pages chain below keeps CSRF protection for cookie sessions.
			.csrf((csrf) -> csrf.disable());
		return bearerApi(http, failures).build();
	}

	/**
	 * What the API and the stream share: bearer tokens, failures in the error envelope,
	 * CORS, no saved requests, the user in the log context and the security headers.
	 */
	private static HttpSecurity bearerApi(HttpSecurity http, ApiAuthenticationFailures failures) throws Exception {
		return http
			.oauth2ResourceServer((oauth) -> oauth
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(JwtConfiguration.authenticationConverter()))
				.authenticationEntryPoint(failures)
				.accessDeniedHandler(failures))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(failures).accessDeniedHandler(failures))
			.cors(Customizer.withDefaults())
			.requestCache((cache) -> cache.disable())
			.addFilterBefore(new UserLogContext(), AuthorizationFilter.class)
			.headers(SecurityConfiguration::securityHeaders);
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, ObjectProvider<PageSecurityCustomizer> customizers)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/index.html", "/robots.txt", "/error", "/login", "/favicon.ico", "/css/**", "/js/**",
					"/img/**", "/webjars/**", "/.well-known/**")
			.permitAll()
			// Browsers fetch the app's manifest without cookies; the app's assets and
			// service worker are the same for everyone.
			.requestMatchers("/app/manifest.webmanifest", "/app/sw.js", "/app/assets/**")
			.permitAll()
			.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/login/passkey", "/login/passkey/options")
			.permitAll()
			// Socket.IO authenticates each connection with its access token itself.
			.requestMatchers("/socket.io/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			// Long polling POSTs carry no cookie-session form; the token protects them.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/socket.io/**"))
			// The identity module's own sign-in pages replace the stock form login.
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedOut").deleteCookies("UPCOACH_SESSION"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterBefore(new UserLogContext(), AuthorizationFilter.class)
			.headers(SecurityConfiguration::securityHeaders);
		for (PageSecurityCustomizer customizer : customizers.orderedStream().toList()) {
			customizer.customize(http);
		}
		return http.build();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(SecuritySettings settings) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(settings.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Request-Id",
				"Idempotency-Key", "Last-Event-ID"));
		cors.setExposedHeaders(List.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
				"X-RateLimit-Reset", "Retry-After", "ETag", "Location", "Deprecation", "Sunset", "Link"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		return source;
	}

	static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
			.referrerPolicy((referrer) -> referrer
				.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions((frames) -> frames.deny())
			.permissionsPolicyHeader((permissions) -> permissions
				.policy("camera=(), geolocation=(), payment=(), usb=(), microphone=(self)"));
	}

	/**
	 * The {@code prometheus} user for metrics scraping. Without a configured password it
	 * gets a random one nobody knows, which keeps scraping off.
	 */
	private static DaoAuthenticationProvider metricsScraper(SecuritySettings settings) {
		String password = StringUtils.hasText(settings.metricsPassword()) ? settings.metricsPassword() : randomSecret();
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(User.withUsername("prometheus")
			.password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password))
			.roles("METRICS")
			.build());
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return provider;
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
