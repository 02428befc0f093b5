package com.upcoach.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The OpenAPI 3.1 description at {@code /api/v1/openapi.json}. Every operation documents
 * the error envelope for the failures it can answer with; the examples are serialised
 * from the same records the API sends, so they cannot drift from the real responses.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	private static final String ERROR_SCHEMA = "ErrorEnvelope";

	@Bean
	OpenAPI upcoachOpenApi() {
		return new OpenAPI()
			.info(new Info().title("UpCoach API")
				.version("v1")
				.description("REST API of the UpCoach coaching platform. Every response uses the envelope "
						+ "{success, data, message} or {success:false, error:{code, message, details}}.")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
				.contact(new Contact().name("UpCoach").url("https://github.com/upcoach")))
			.servers(List.of(new Server().url("/").description("This server")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("Access token from POST /api/v1/auth/login")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OperationCustomizer deprecatedEndpoints() {
		return (operation, handlerMethod) -> {
			if (AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), DeprecatedEndpoint.class)
					|| AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), DeprecatedEndpoint.class)) {
				operation.setDeprecated(true);
			}
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer errorEnvelopeDocumentation(JsonMapper jsonMapper) {
		return (openApi) -> {
			ResolvedSchema resolved = ModelConverters.getInstance(true)
				.resolveAsResolvedSchema(new AnnotatedType(ErrorEnvelope.class).resolveAsRef(false));
			Components components = openApi.getComponents();
			resolved.referencedSchemas.forEach(components::addSchemas);
			components.addSchemas(ERROR_SCHEMA, resolved.schema);
			openApi.getPaths()
				.values()
				.forEach((path) -> path.readOperations().forEach((operation) -> addErrors(operation, jsonMapper)));
		};
	}

	private static void addErrors(Operation operation, JsonMapper jsonMapper) {
		ApiResponses responses = operation.getResponses();
		boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
		Map<ErrorCode, ErrorEnvelope> errors = new LinkedHashMap<>();
		errors.put(ErrorCode.VALIDATION_ERROR, ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR, "Invalid input",
				List.of(new ErrorEnvelope.FieldProblem("email", "must be a well-formed email address"))));
		if (secured) {
			errors.put(ErrorCode.UNAUTHENTICATED, example(ErrorCode.UNAUTHENTICATED));
			errors.put(ErrorCode.FORBIDDEN, example(ErrorCode.FORBIDDEN));
		}
		errors.put(ErrorCode.NOT_FOUND, example(ErrorCode.NOT_FOUND));
		errors.put(ErrorCode.RATE_LIMITED,
				ErrorEnvelope.of(ErrorCode.RATE_LIMITED, "Too many requests; retry in 42 seconds", List.of()));
		errors.put(ErrorCode.INTERNAL_ERROR, ErrorEnvelope.internal("0b6c2f5e-3c1d-4f7a-9a51-2d8e4c1b7f10"));
		errors.forEach((code, envelope) -> {
			String status = Integer.toString(code.status().value());
			if (responses.get(status) == null) {
				@SuppressWarnings("unchecked")
				Map<String, Object> value = jsonMapper.convertValue(envelope, Map.class);
				responses.addApiResponse(status,
						new io.swagger.v3.oas.models.responses.ApiResponse().description(code.defaultMessage())
							.content(new Content().addMediaType("application/json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))
										.addExamples(code.name(), new Example().value(value)))));
			}
		});
	}

	private static ErrorEnvelope example(ErrorCode code) {
		return ErrorEnvelope.of(code, code.defaultMessage(), List.of());
	}

}
