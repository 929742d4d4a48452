package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.todo.StatusFilter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Test
  void theFirstOfRepeatedParametersWins() {
    assertThat(QueryParameters.parse("status=active&status=bogus").status(StatusFilter.ALL))
        .isEqualTo(StatusFilter.ACTIVE);
    assertThat(QueryParameters.parse("q=one&q=two&q").text("q")).contains("one");
    assertThatThrownBy(() -> QueryParameters.parse("status=bogus&status=active").status(null))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("status");
  }

  @Test
  void onlyAmpersandsSeparateParametersAndValuesAreDecoded() {
    var query = QueryParameters.parse("q=a;b&x=1;q=c&page=2");

    assertThat(query.text("q")).contains("a;b");
    assertThat(query.positive("page", 1)).isEqualTo(2);
    assertThat(QueryParameters.parse("q=a+b%2Bc%3B%26%C3%A9").text("q")).contains("a b+c;&é");
    assertThat(QueryParameters.parse("%71=named+by+escapes").text("q"))
        .contains("named by escapes");
    // Netty hands raw bytes over as ISO-8859-1 characters: raw UTF-8 for é
    assertThat(QueryParameters.parse("q=\u00C3\u00A9").text("q")).contains("é");
  }

  @Test
  void absentEmptyAndBareParameters() {
    assertThat(QueryParameters.parse(null).text("q")).isEmpty();
    assertThat(QueryParameters.parse("").status(StatusFilter.ALL)).isEqualTo(StatusFilter.ALL);
    assertThat(QueryParameters.parse("&&q=x&&").text("q")).contains("x");
    assertThat(QueryParameters.parse("q").value("q")).isEqualTo(Optional.of(""));
    assertThatThrownBy(() -> QueryParameters.parse("status").status(StatusFilter.ALL))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void aValueThatIsNotPercentEncodedUtf8IsMalformed() {
    for (var value :
        new String[] {"%", "%4", "%ZZ", "a%G1", "%C0%AF", "%ED%A0%80", "%FF", "\u00FF"}) {
      var query = QueryParameters.parse("q=" + value + "&q=fine");
      assertThatThrownBy(() -> query.text("q"))
          .as(value)
          .isInstanceOf(MalformedInputException.class)
          .hasMessageContaining("q");
    }
  }

  @Test
  void aNameThatCannotBeDecodedIsAnUnknownParameter() {
    var query = QueryParameters.parse("q%ZZ=x&st%C0atus=bogus&q=kept");

    assertThat(query.text("q")).contains("kept");
    assertThat(query.status(StatusFilter.ALL)).isEqualTo(StatusFilter.ALL);
  }
}
