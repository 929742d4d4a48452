package dev.todo.domain.todo;

import dev.todo.domain.error.ValidationException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key a client gives a create so that sending it again (after a lost answer, a closed tab, an
 * outage) creates nothing new: the same caller and key always name the same to-do ({@link
 * TodoId#createdUnder}). 1 to 128 characters of {@code [A-Za-z0-9._:-]}; a client draws it at
 * random (a UUID), once per create.
 */
public record CreateRequestKey(String value) {

  public static final String FIELD = "Idempotency-Key";
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public CreateRequestKey {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw ValidationException.of(
          FIELD, "must be 1 to 128 characters of letters, digits, '.', '_', ':' and '-'");
    }
  }

  /** No header: no key; a header that is there must be a key. */
  public static Optional<CreateRequestKey> parse(Optional<String> header) {
    return header.map(CreateRequestKey::new);
  }
}
