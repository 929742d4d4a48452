package dev.todo.application;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Iterables that read what they yield a bounded page at a time, while they are iterated: whatever
 * the number of elements, only one page of each is held.
 */
final class Pages {

  private Pages() {}

  /**
   * Every element {@code read} yields, page after page: it gets the last element of the previous
   * page (empty for the first) and returns at most {@code size}; a shorter page is the last.
   */
  static <T> Iterable<T> of(int size, Function<Optional<T>, List<T>> read) {
    return () ->
        new Iterator<>() {
          private List<T> page = read.apply(Optional.empty());
          private int next;

          @Override
          public boolean hasNext() {
            if (next == page.size() && page.size() == size) {
              page = read.apply(Optional.of(page.getLast()));
              next = 0;
            }
            return next < page.size();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return page.get(next++);
          }
        };
  }

  /** The elements of each {@code inner(outer element)} in turn, each read only when reached. */
  static <A, B> Iterable<B> flatten(Iterable<A> outer, Function<A, Iterable<B>> inner) {
    return () ->
        new Iterator<>() {
          private final Iterator<A> outerElements = outer.iterator();
          private Iterator<B> current = java.util.Collections.emptyIterator();

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && outerElements.hasNext()) {
              current = inner.apply(outerElements.next()).iterator();
            }
            return current.hasNext();
          }

          @Override
          public B next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
  }
}
