package com.upcoach.app;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links to the app's assets and the stylesheet carry their content's hash
 * ({@code /app/assets/app-1a2b….js}). Spring's own {@link ResourceUrlEncodingFilter}
 * looks every link of a page up as a static resource (form actions too), probing the
 * classpath each time for the ones that are not: two thirds of a page's time. This filter
 * looks up only the asset links; the stock one is switched off.
 */
@Configuration(proxyBeanMethods = false)
class AssetUrls {

	private static final String[] VERSIONED = { "/app/assets/", "/css/" };

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> stockResourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<VersionedLinks> versionedLinks(ResourceUrlProvider urls) {
		return new FilterRegistrationBean<>(new VersionedLinks(urls));
	}

	/** Hands each page a response whose {@code encodeURL} versions the asset links. */
	static final class VersionedLinks extends OncePerRequestFilter {

		private final ResourceUrlProvider urls;

		VersionedLinks(ResourceUrlProvider urls) {
			this.urls = urls;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, new HttpServletResponseWrapper(response) {

				@Override
				public String encodeURL(String url) {
					return super.encodeURL(versioned(url));
				}

			});
		}

		private String versioned(String url) {
			for (String prefix : VERSIONED) {
				if (url.startsWith(prefix)) {
					String found = this.urls.getForLookupPath(url);
					return (found != null) ? found : url;
				}
			}
			return url;
		}

	}

}
