package dev.todo.domain.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.MalformedInputException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InputSourceTest {

  @Test
  void parsedRunsTheParserOnceRightAwayAndReadingReturnsItsValue() {
    var calls = new AtomicInteger();

    var source = InputSource.parsed(() -> "value " + calls.incrementAndGet());

    assertThat(calls).hasValue(1);
    assertThat(source.read()).isEqualTo("value 1");
    assertThat(source.read()).isEqualTo("value 1");
    assertThat(calls).hasValue(1);
  }

  @Test
  void parsedKeepsTheParseFailureAndRethrowsItOnEveryRead() {
    var failure = new MalformedInputException("The body must be a JSON object");

    InputSource<String> source =
        InputSource.parsed(
            () -> {
              throw failure;
            });

    assertThatThrownBy(source::read).isSameAs(failure);
    assertThatThrownBy(source::read).isSameAs(failure);
  }

  @Test
  void parsedKeepsANullValue() {
    assertThat(InputSource.parsed(() -> null).read()).isNull();
  }
}
