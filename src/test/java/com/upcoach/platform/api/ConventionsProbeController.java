package com.upcoach.platform.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.ratelimit.RateLimit;
import com.upcoach.platform.ratelimit.RateLimitType;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Endpoints that exist only in tests, to drive the platform's conventions through real
 * HTTP.
 */
@RestController
@RequestMapping("/api/v1/probe")
class ConventionsProbeController {

	private static final Logger logger = LoggerFactory.getLogger(ConventionsProbeController.class);

	enum Kind {

		HABIT, GOAL

	}

	record EchoRequest(@NotBlank @Size(max = 20) String name, @NotNull @Min(0) @Max(10) Integer count,
			@NotNull Kind kind) {
	}

	@PostMapping(path = "/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
	ApiResponse<EchoRequest> echo(@Valid @RequestBody EchoRequest request) {
		return ApiResponse.of(request, "Echoed");
	}

	@GetMapping("/boom")
	ApiResponse<Void> boom() {
		throw new IllegalStateException("database password is hunter2");
	}

	@GetMapping("/log")
	ApiResponse<String> log() {
		logger.info("probe handled a request");
		return ApiResponse.of("logged");
	}

	@GetMapping("/legacy")
	@DeprecatedEndpoint(since = "2026-01-01", sunset = "2027-06-30", successor = "/api/v2/probe/legacy",
			documentation = "https://docs.upcoach.example/deprecations/legacy")
	ApiResponse<String> legacy() {
		return ApiResponse.of("still here");
	}

	@GetMapping("/search")
	@RateLimit(RateLimitType.SEARCH)
	ApiResponse<String> search(@RequestParam String q) {
		return ApiResponse.of(q);
	}

	@PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RateLimit(RateLimitType.UPLOAD)
	ApiResponse<Long> upload(@RequestPart MultipartFile file) {
		return ApiResponse.of(file.getSize());
	}

}
