package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public: what the browser app needs before anyone has signed in. */
@Controller("/api/v1/config")
@Tag(name = "public")
class ConfigController {

  private final OidcConfiguration oidc;

  ConfigController(OidcConfiguration oidc) {
    this.oidc = oidc;
  }

  @Get
  @Operation(summary = "Sign-in settings for the browser app (no token needed)")
  ConfigResponse config() {
    return new ConfigResponse(
        new ConfigResponse.Oidc(oidc.issuer(), oidc.clientId(), oidc.scope()));
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ConfigResponse(Oidc oidc) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Oidc(String issuer, @JsonProperty("client_id") String clientId, String scope) {}
  }
}
