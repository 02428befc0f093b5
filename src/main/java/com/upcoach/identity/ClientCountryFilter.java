package com.upcoach.identity;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the client's country from the header a trusted proxy sets (nginx's GeoIP2 module,
 * Cloudflare's {@code CF-IPCountry}), named by {@code upcoach.identity.country-header}.
 * Off unless configured: a client could send the header itself, so it is trusted only
 * where the proxy overwrites it on every request (deploy/nginx does).
 */
@Component
class ClientCountryFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = ClientCountryFilter.class.getName() + ".country";

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	private final String header;

	ClientCountryFilter(IdentitySettings settings) {
		this.header = settings.countryHeader();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !StringUtils.hasText(this.header);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String country = request.getHeader(this.header);
		// "XX" and "T1" are the proxies' words for unknown and Tor: no country to
		// compare.
		if (country != null && COUNTRY.matcher(country).matches() && !"XX".equalsIgnoreCase(country)) {
			request.setAttribute(ATTRIBUTE, country.toUpperCase(Locale.ROOT));
		}
		chain.doFilter(request, response);
	}

}
