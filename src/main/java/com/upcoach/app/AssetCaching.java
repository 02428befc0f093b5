package com.upcoach.app;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long browsers keep the app's assets and the stylesheet: a year, unchanged, under a
 * name with the content's hash (which is what the pages link); the plain name (which the
 * manifest and old caches ask for) is checked each time.
 */
@Component
class AssetCaching extends OncePerRequestFilter {

	private static final Pattern FINGERPRINTED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z0-9]+$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !path.startsWith("/app/assets/") && !path.startsWith("/css/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, FINGERPRINTED.matcher(request.getRequestURI()).matches()
				? "public, max-age=31536000, immutable" : "no-cache");
		chain.doFilter(request, response);
	}

}
