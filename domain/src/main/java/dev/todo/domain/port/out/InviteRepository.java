package dev.todo.domain.port.out;

import dev.todo.domain.list.Invite;
import dev.todo.domain.list.InviteId;
import dev.todo.domain.list.InviteToken;
import dev.todo.domain.list.ListId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The invite links of lists. Called inside a transaction of {@link Transactions}. Tokens are kept
 * only as their hash; an invite goes with its list.
 */
public interface InviteRepository {

  void insert(Invite invite, InviteToken token);

  /** The invite the token opens, unless it has expired at {@code now} or was revoked. */
  Optional<Invite> findActive(InviteToken token, Instant now);

  /** The list's invites that have not expired at {@code now}, newest first. */
  List<Invite> findActive(ListId list, Instant now);

  /** Revokes the list's invite; returns whether there was one (expired ones included). */
  boolean revoke(ListId list, InviteId invite);
}
