package com.upcoach.platform.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@code upcoach.api.max-body-size} with 413, whether the
 * client announces the size or streams the body chunked. Multipart uploads have their own
 * limits ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ErrorResponses errors;

	RequestBodyLimitFilter(ApiLimits limits, ErrorResponses errors) {
		this.maxBytes = limits.maxBodySize().toBytes();
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return !ApiPaths.isApi(request)
				|| (contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			this.errors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, tooLargeMessage());
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.maxBytes, tooLargeMessage()), response);
	}

	private String tooLargeMessage() {
		return "The request body is larger than the limit of " + DataSize.ofBytes(this.maxBytes).toKilobytes() + " KB";
	}

	/**
	 * The API's request limits.
	 *
	 * @param maxBodySize the largest JSON request body accepted
	 */
	@ConfigurationProperties("upcoach.api")
	record ApiLimits(@DefaultValue("1MB") DataSize maxBodySize) {
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private final String message;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long maxBytes, String message) {
			super(request);
			this.maxBytes = maxBytes;
			this.message = message;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.maxBytes, this.message);
			}
			return this.stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private final String message;

		private long read;

		LimitedInputStream(ServletInputStream delegate, long maxBytes, String message) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
			this.message = message;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, this.message);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
