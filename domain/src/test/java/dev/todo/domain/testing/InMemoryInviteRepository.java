package dev.todo.domain.testing;

import dev.todo.domain.list.Invite;
import dev.todo.domain.list.InviteId;
import dev.todo.domain.list.InviteToken;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.InviteRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fake of {@link InviteRepository}; invites of a deleted list go with it. */
public final class InMemoryInviteRepository
    implements InviteRepository, InMemoryTransactions.Participant {

  private final InMemoryListRepository lists;
  private final Map<String, Invite> byTokenHash = new LinkedHashMap<>();

  public InMemoryInviteRepository(InMemoryListRepository lists) {
    this.lists = lists;
  }

  @Override
  public synchronized void insert(Invite invite, InviteToken token) {
    if (lists.findById(invite.list()).isEmpty()) {
      throw new IllegalStateException("No list " + invite.list());
    }
    if (byTokenHash.putIfAbsent(token.hash(), invite) != null) {
      throw new IllegalStateException("Duplicate token");
    }
  }

  @Override
  public synchronized Optional<Invite> findActive(InviteToken token, Instant now) {
    return Optional.ofNullable(byTokenHash.get(token.hash())).filter(i -> usable(i, now));
  }

  @Override
  public synchronized List<Invite> findActive(ListId list, Instant now) {
    return byTokenHash.values().stream()
        .filter(invite -> invite.list().equals(list) && usable(invite, now))
        .sorted(
            Comparator.comparing(Invite::createdAt)
                .thenComparing(invite -> invite.id().toString())
                .reversed())
        .toList();
  }

  @Override
  public synchronized boolean revoke(ListId list, InviteId invite) {
    return byTokenHash
        .values()
        .removeIf(stored -> stored.id().equals(invite) && stored.list().equals(list));
  }

  private boolean usable(Invite invite, Instant now) {
    return invite.isActiveAt(now) && lists.findById(invite.list()).isPresent();
  }

  @Override
  public synchronized Runnable checkpoint() {
    var saved = new LinkedHashMap<>(byTokenHash);
    return () -> {
      synchronized (this) {
        byTokenHash.clear();
        byTokenHash.putAll(saved);
      }
    };
  }
}
