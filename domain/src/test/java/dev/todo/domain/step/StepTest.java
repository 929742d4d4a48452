package dev.todo.domain.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ValidationException;
import dev.todo.domain.todo.Change;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Title;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A step's rules: titles as a to-do's, positions in the to-do's range, no nulls, no-op patches. */
class StepTest {

  private static final Instant T0 = Instant.parse("2026-01-15T10:30:00.123456Z");
  private static final Instant LATER = T0.plusSeconds(60);
  private static final Field<Long> ABSENT = Field.absent();

  private static StepInput input(Field<String> title, Field<Boolean> completed, Field<Long> at) {
    return new StepInput(title, completed, at);
  }

  private static Step eggs() {
    return Step.create(
        StepId.random(), TodoId.random(), StepEdit.forCreate(StepInput.titled(" Eggs ")), 3, T0);
  }

  @Test
  void aNewStepIsActiveLastAndTrimmedWithMillisecondTimes() {
    var step = eggs();

    assertThat(step.title()).isEqualTo(Title.of("Eggs"));
    assertThat(step.completed()).isFalse();
    assertThat(step.position()).isEqualTo(3);
    assertThat(step.createdAt()).isEqualTo(Instant.parse("2026-01-15T10:30:00.123Z"));
    assertThat(step.updatedAt()).isEqualTo(step.createdAt());
  }

  @Test
  void aNewStepMayBeCompletedAndPlaced() {
    var edit = StepEdit.forCreate(input(Field.of("Eggs"), Field.of(true), Field.of(-2L)));

    var step = Step.create(StepId.random(), TodoId.random(), edit, 3, T0);

    assertThat(step.completed()).isTrue();
    assertThat(step.position()).isEqualTo(-2);
  }

  @Test
  void theTitleFollowsTheTodosTitleRules() {
    assertThat(details(input(Field.absent(), Field.absent(), ABSENT)))
        .containsEntry("title", List.of("is required"));
    assertThat(details(input(Field.of("   "), Field.absent(), ABSENT)))
        .containsEntry("title", List.of("must not be blank"));
    assertThat(details(input(Field.of("a\tb"), Field.absent(), ABSENT)))
        .containsEntry("title", List.of("must not contain control characters"));
    assertThat(details(input(Field.of("x".repeat(501)), Field.absent(), ABSENT)))
        .containsKey("title");
    assertThat(StepEdit.forCreate(StepInput.titled("é".repeat(500))).title().value().value())
        .hasSize(500);
  }

  @Test
  void nullIsRefusedForEveryFieldAndEveryProblemIsReportedAtOnce() {
    var nulls = input(Field.nullValue(), Field.nullValue(), Field.nullValue());

    assertThat(details(nulls)).containsOnlyKeys("title", "completed", "position");
    assertThatThrownBy(() -> StepEdit.forMergePatch(nulls))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.details()).containsOnlyKeys("title", "completed", "position"));
  }

  @Test
  void positionsStayInTheTodosRange() {
    long top = TodoEdit.MAX_POSITION;
    assertThat(details(input(Field.of("a"), Field.absent(), Field.of(top + 1))))
        .containsEntry("position", List.of("must be between -" + top + " and " + top));
    assertThat(details(input(Field.of("a"), Field.absent(), Field.of(Long.MIN_VALUE))))
        .containsKey("position");
    assertThat(StepEdit.forCreate(input(Field.of("a"), Field.absent(), Field.of(-top))).position())
        .isEqualTo(Change.to(-top));
  }

  @Test
  void aPatchChangesWhatItNamesAndMovesUpdatedAt() {
    var step = eggs();

    var changed =
        step.apply(
            StepEdit.forMergePatch(input(Field.absent(), Field.of(true), Field.of(9L))), LATER);

    assertThat(changed.title()).isEqualTo(step.title());
    assertThat(changed.completed()).isTrue();
    assertThat(changed.position()).isEqualTo(9);
    assertThat(changed.createdAt()).isEqualTo(step.createdAt());
    assertThat(changed.updatedAt()).isEqualTo(LATER.minusNanos(456_000));
  }

  @Test
  void aPatchThatChangesNothingIsTheSameStep() {
    var step = eggs();

    assertThat(step.apply(StepEdit.forMergePatch(StepInput.titled("Eggs")), LATER)).isSameAs(step);
    assertThat(
            step.apply(
                StepEdit.forMergePatch(input(Field.absent(), Field.absent(), ABSENT)), LATER))
        .isSameAs(step);
  }

  @Test
  void updatedAtNeverGoesBeforeCreatedAt() {
    var step = eggs();

    var changed = step.apply(StepEdit.forMergePatch(StepInput.titled("Milk")), T0.minusSeconds(5));

    assertThat(changed.updatedAt()).isEqualTo(step.createdAt());
  }

  @Test
  void idsAreCanonicalUuids() {
    var id = StepId.random();

    assertThat(StepId.parse(id.toString())).contains(id);
    assertThat(StepId.parse("nope")).isEmpty();
    assertThat(StepId.parse(id.toString().replace("-", ""))).isEmpty();
    assertThat(StepId.parse(null)).isEmpty();
  }

  private static Map<String, List<String>> details(StepInput input) {
    try {
      StepEdit.forCreate(input);
    } catch (ValidationException e) {
      return e.details();
    }
    throw new AssertionError("accepted " + input);
  }
}
