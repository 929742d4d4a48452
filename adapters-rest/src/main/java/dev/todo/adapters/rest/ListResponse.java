package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.list.ListView;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A list as the caller sees it: every field, {@code null} where there is no value. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ListResponse(
    @Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
    @JsonProperty("is_default") boolean isDefault,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UserResponse owner,
    @Schema(
            allowableValues = {"owner", "editor", "viewer", "admin"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        String role,
    @Schema(
            nullable = true,
            description =
                "the caller's own order of their lists; null for an admin who is no member",
            requiredMode = Schema.RequiredMode.REQUIRED)
        Long position,
    @JsonProperty("member_count") long memberCount,
    @JsonProperty("todo_count") long todoCount,
    @JsonProperty("active_count") long activeCount,
    @JsonProperty("created_at")
        @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED)
        String createdAt,
    @JsonProperty("updated_at")
        @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED)
        String updatedAt,
    long version) {

  static ListResponse of(ListView view) {
    var list = view.list();
    return new ListResponse(
        list.id().toString(),
        list.name().value(),
        list.isDefault(),
        UserResponse.of(view.owner()),
        view.role(),
        view.position().isPresent() ? view.position().getAsLong() : null,
        list.memberCount(),
        list.todoCount(),
        list.activeCount(),
        Timestamps.format(list.createdAt()),
        Timestamps.format(list.updatedAt()),
        list.version());
  }

  /** The caller's lists, unpaged. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Page(List<ListResponse> data) {}
}
