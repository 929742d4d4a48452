package dev.todo.adapters.rest;

import dev.todo.domain.todo.VersionPrecondition;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match} into the domain's precondition: {@code *} is any existing to-do; a list of
 * entity tags, strong {@code "3"} or weak {@code W/"3"}, matches when any names the current
 * version. A tag that is not a version we issued can never match (412). No header: no precondition.
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
    var versions = new HashSet<Long>();
    for (var part : String.join(",", headerValues).split(",")) {
      var tag = part.strip();
      if (tag.equals("*")) {
        return VersionPrecondition.anyExisting();
      }
      var matcher = TAG.matcher(tag);
      if (matcher.matches()) {
        var value = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        if (VERSION.matcher(value).matches()) {
          versions.add(Long.parseLong(value));
        }
      }
    }
    return VersionPrecondition.oneOf(versions);
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }
}
