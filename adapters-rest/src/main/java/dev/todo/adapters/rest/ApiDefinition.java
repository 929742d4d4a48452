package dev.todo.adapters.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The head of the OpenAPI document that micronaut-openapi generates at compile time from the
 * controllers (see the compiler arguments in this module's pom).
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = ApiDefinition.TITLE,
            version = "1",
            description =
                "Multi-user to-do API. Every /api/v1 route except health, config and this document"
                    + " requires a bearer JWT; errors share one envelope.\n\n"
                    + "[Open the to-do app](/) · [Swagger UI](/docs) · [ReDoc](/redoc) · this"
                    + " document as [YAML](/api/v1/openapi.yml) or [JSON](/api/v1/openapi.json)"))
@SecurityScheme(
    name = ApiDefinition.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
final class ApiDefinition {

  static final String BEARER = "bearer";

  /** The document's title, and the title of its Swagger UI and ReDoc pages. */
  static final String TITLE = "To-do API";

  private ApiDefinition() {}
}
