package dev.todo.domain.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TodoEditTest {

  private static final TodoInput TITLED = TodoInput.empty().withTitle(Field.of("Buy milk"));

  @Test
  void createNeedsATitleAndDefaultsTheRest() {
    var edit = TodoEdit.forCreate(TITLED);

    assertThat(edit.title().value()).isEqualTo(Title.of("Buy milk"));
    assertThat(edit.completed()).isEqualTo(Change.to(false));
    assertThat(edit.priority()).isEqualTo(Change.to(Priority.NONE));
    assertThat(edit.notes()).isEqualTo(Change.to(null));
    assertThat(edit.dueDate()).isEqualTo(Change.to(null));
    assertThat(edit.position().present()).isFalse();
  }

  @Test
  void createAndReplaceRequireTheTitle() {
    assertThatThrownBy(() -> TodoEdit.forCreate(TodoInput.empty()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.details().get("title")).containsExactly("is required"));
    assertThatThrownBy(() -> TodoEdit.forReplace(TodoInput.empty()))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void replaceClearsAbsentOptionalFieldsButKeepsThePosition() {
    var edit = TodoEdit.forReplace(TITLED);

    assertThat(edit.notes()).isEqualTo(Change.to(null));
    assertThat(edit.dueDate()).isEqualTo(Change.to(null));
    assertThat(edit.priority()).isEqualTo(Change.to(Priority.NONE));
    assertThat(edit.completed()).isEqualTo(Change.to(false));
    assertThat(edit.position()).isEqualTo(Change.keep());
  }

  @Test
  void mergePatchKeepsAbsentAndClearsNull() {
    var edit =
        TodoEdit.forMergePatch(
            TodoInput.empty()
                .withNotes(Field.nullValue())
                .withPriority(Field.nullValue())
                .withDueDate(Field.of("2026-03-01")));

    assertThat(edit.title()).isEqualTo(Change.keep());
    assertThat(edit.completed()).isEqualTo(Change.keep());
    assertThat(edit.position()).isEqualTo(Change.keep());
    assertThat(edit.notes()).isEqualTo(Change.to(null));
    assertThat(edit.priority()).isEqualTo(Change.to(Priority.NONE));
    assertThat(edit.dueDate()).isEqualTo(Change.to(LocalDate.of(2026, 3, 1)));
  }

  @Test
  void nullTitleCompletedOrPositionIsRefusedEverywhereAndAllAreNamed() {
    var nulls =
        TodoInput.empty()
            .withTitle(Field.nullValue())
            .withCompleted(Field.nullValue())
            .withPosition(Field.nullValue());

    for (var rules :
        java.util.List.<java.util.function.Function<TodoInput, TodoEdit>>of(
            TodoEdit::forCreate, TodoEdit::forReplace, TodoEdit::forMergePatch)) {
      assertThatThrownBy(() -> rules.apply(nulls))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.details()).containsOnlyKeys("title", "completed", "position"));
    }
  }

  @Test
  void refusesAnUnknownPriorityAndImpossibleDates() {
    var input = TITLED.withPriority(Field.of("urgent")).withDueDate(Field.of("2026-02-30"));

    assertThatThrownBy(() -> TodoEdit.forCreate(input))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.details()).containsOnlyKeys("priority", "due_date"));
  }

  @Test
  void refusesDatesNotWrittenAsYyyyMmDd() {
    for (String date : new String[] {"2026-1-05", "20260105", "+12026-01-05", "2026-01-05T00:00"}) {
      assertThatThrownBy(() -> TodoEdit.forCreate(TITLED.withDueDate(Field.of(date))))
          .as(date)
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void refusesPositionsBeyondWhatJavaScriptHoldsExactly() {
    assertThatThrownBy(
            () -> TodoEdit.forCreate(TITLED.withPosition(Field.of(TodoEdit.MAX_POSITION + 1))))
        .isInstanceOf(ValidationException.class);
    assertThat(TodoEdit.forCreate(TITLED.withPosition(Field.of(-5L))).position().value())
        .isEqualTo(-5L);
  }

  @Test
  void refusesTheLowestLongWhoseAbsoluteValueIsNegative() {
    for (long position : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -TodoEdit.MAX_POSITION - 1}) {
      assertThatThrownBy(
              () -> TodoEdit.forMergePatch(TodoInput.empty().withPosition(Field.of(position))))
          .as("%d", position)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.details()).containsOnlyKeys("position"));
    }
    assertThat(
            TodoEdit.forCreate(TITLED.withPosition(Field.of(-TodoEdit.MAX_POSITION)))
                .position()
                .value())
        .isEqualTo(-TodoEdit.MAX_POSITION);
  }
}
