package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.attachment.AttachmentLimits;
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
  private final AttachmentLimits attachmentLimits;

  ConfigController(OidcConfiguration oidc, AttachmentLimits attachmentLimits) {
    this.oidc = oidc;
    this.attachmentLimits = attachmentLimits;
  }

  @Get
  @Operation(summary = "Sign-in settings for the browser app (no token needed)")
  ConfigResponse config() {
    return new ConfigResponse(
        new ConfigResponse.Oidc(oidc.issuer(), oidc.clientId(), oidc.scope()),
        new ConfigResponse.Attachments(attachmentLimits.maxBytes(), attachmentLimits.maxPerTodo()));
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ConfigResponse(Oidc oidc, Attachments attachments) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Oidc(String issuer, @JsonProperty("client_id") String clientId, String scope) {}

    /** The upload limits, so that the app refuses a file before sending it. */
    @Serdeable
    record Attachments(
        @JsonProperty("max_bytes") long maxBytes, @JsonProperty("max_per_todo") int maxPerTodo) {}
  }
}
