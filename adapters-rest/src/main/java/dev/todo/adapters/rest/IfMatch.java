package dev.todo.adapters.rest;

import dev.todo.domain.todo.VersionPrecondition;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match} into the domain's precondition, and {@code If-None-Match} of a read:
 * {@code *} is any existing to-do; a list of entity tags, strong {@code "3"} or weak {@code W/"3"},
 * matches when any names the current version. A tag that is not a version we issued can never match
 * (412). No header: no precondition.
 *
 * <p>A header that is present but names no tag ({@code If-Match:} with an empty value, or only
 * commas and spaces) is a precondition that nothing satisfies, never an unconditional write: RFC
 * 9110 writes the field as {@code "*" / #entity-tag}, a list whose empty elements do not count, and
 * the condition holds only if one of the listed tags matches.
 */
final class IfMatch {

  private static final Pattern TAG = Pattern.compile("(?:W/)?\"([^\"]*)\"|([0-9]+)");
  private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

  private IfMatch() {}

  static VersionPrecondition parse(List<String> headerValues) {
    if (headerValues.isEmpty()) {
      return VersionPrecondition.none();
    }
    var tags = Tags.of(headerValues);
    return tags.any()
        ? VersionPrecondition.anyExisting()
        : VersionPrecondition.oneOf(tags.versions());
  }

  /**
   * The answer to a read of one resource at {@code version}: 304 with its ETag and no body when the
   * request's {@code If-None-Match} names that version ({@code *} names any; tags compare weakly,
   * as RFC 9110 says for it), else {@code answer} with the ETag.
   */
  static <T> MutableHttpResponse<T> read(
      HttpRequest<?> request, long version, Supplier<MutableHttpResponse<T>> answer) {
    var tags = Tags.of(request.getHeaders().getAll(HttpHeaders.IF_NONE_MATCH));
    var response =
        tags.any() || tags.versions().contains(version)
            ? HttpResponse.<T>status(HttpStatus.NOT_MODIFIED)
            : answer.get();
    return response.header(HttpHeaders.ETAG, etag(version));
  }

  /** The tags of the header's values: {@code *}, or the versions they name. */
  private record Tags(boolean any, Set<Long> versions) {

    static Tags of(List<String> headerValues) {
      var versions = new HashSet<Long>();
      for (var part : String.join(",", headerValues).split(",")) {
        var tag = part.strip();
        if (tag.equals("*")) {
          return new Tags(true, Set.of());
        }
        var matcher = TAG.matcher(tag);
        if (matcher.matches()) {
          var value = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
          if (VERSION.matcher(value).matches()) {
            versions.add(Long.parseLong(value));
          }
        }
      }
      return new Tags(false, versions);
    }
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }
}
