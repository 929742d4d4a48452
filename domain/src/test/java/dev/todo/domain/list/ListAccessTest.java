package dev.todo.domain.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.ListNotFoundException;
import dev.todo.domain.identity.Caller;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The permission table of the contract's "Sharing" section, one row per kind of caller. */
class ListAccessTest {

  private static final ListId LIST = ListId.random();

  enum Need {
    READ(ListAccess::requireRead),
    EDIT(ListAccess::requireEdit),
    OWN(ListAccess::requireOwnership);

    final Consumer<ListAccess> check;

    Need(Consumer<ListAccess> check) {
      this.check = check;
    }
  }

  /** caller, membership, then the answer for read, edit and own: 200, 403 or 404. */
  static Stream<Arguments> table() {
    return Stream.of(
        row(Caller.of("nobody"), null, 404, 404, 404),
        row(Caller.of("v"), ListRole.VIEWER, 200, 403, 403),
        row(Caller.of("e"), ListRole.EDITOR, 200, 200, 403),
        row(Caller.of("o"), ListRole.OWNER, 200, 200, 200),
        row(Caller.of("a", Caller.ADMIN), null, 200, 200, 200),
        row(Caller.of("r", Caller.READONLY), ListRole.OWNER, 200, 403, 403),
        row(Caller.of("rn", Caller.READONLY), null, 404, 404, 404),
        row(Caller.of("ra", Caller.READONLY, Caller.ADMIN), null, 200, 403, 403));
  }

  private static Arguments row(Caller caller, ListRole role, int read, int edit, int own) {
    return Arguments.of(caller, role, read, edit, own);
  }

  @ParameterizedTest(name = "{0} as {1}: read {2}, edit {3}, own {4}")
  @MethodSource("table")
  void answersAsTheContractsTableSays(Caller caller, ListRole role, int read, int edit, int own) {
    var access = new ListAccess(caller, LIST, Optional.ofNullable(role));

    assertThat(answer(access, Need.READ)).isEqualTo(read);
    assertThat(answer(access, Need.EDIT)).isEqualTo(edit);
    assertThat(answer(access, Need.OWN)).isEqualTo(own);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("table")
  void namesTheCallersRoleAsTheApiDoes(Caller caller, ListRole role, int read, int e, int o) {
    var access = new ListAccess(caller, LIST, Optional.ofNullable(role));
    if (read == 200) {
      assertThat(access.roleName()).isEqualTo(role == null ? "admin" : role.wireName());
    }
  }

  private static int answer(ListAccess access, Need need) {
    try {
      need.check.accept(access);
      return 200;
    } catch (ListNotFoundException e) {
      return 404;
    } catch (ForbiddenException e) {
      return 403;
    }
  }
}
