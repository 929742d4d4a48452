package dev.todo.adapters.rest;

import dev.todo.domain.todo.VersionPrecondition;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match} into the domain's precondition: {@code *} is any existing to-do; a list of
 * entity tags, strong {@code "3"} or weak {@code W/"3"}, matches when any names the current
 * version. A tag that is not a version we issued can never match (412). No header: no precondition.
 */
final class IfMatch {

  private static final Pattern TAG = Pattern.compile("(?:W/)?\"([^\"]*)\"|([0-9]+)");
  private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

  private IfMatch() {}

  static VersionPrecondition parse(List<String> headerValues) {
    var joined = String.join(",", headerValues).strip();
    if (joined.isEmpty()) {
      return VersionPrecondition.none();
    }
    var versions = new HashSet<Long>();
    for (var part : joined.split(",")) {
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
