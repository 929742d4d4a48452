package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
import java.util.Collections;
import java.util.List;

/** The SQL that names a set of lists by their public ids, for a condition on {@code list_seq}. */
final class ListSeqs {

  private ListSeqs() {}

  /** {@code <column> IN (the seqs of the lists)}; the ids are the parameters, in order. */
  static String in(String column, List<ListId> lists) {
    return column + " IN (SELECT seq FROM lists WHERE " + idIn(lists) + ")";
  }

  /** {@code id IN (?, ...)}, a condition on {@code lists} rows. */
  static String idIn(List<ListId> lists) {
    return "id IN (" + String.join(", ", Collections.nCopies(lists.size(), "?")) + ")";
  }

  static Object[] ids(List<ListId> lists) {
    return lists.stream().map(ListId::toString).toArray();
  }
}
