package dev.todo.application;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.RecogniseUserUseCase;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.user.KnownUser;
import java.time.Clock;
import java.util.Optional;

/** Users are known from their first authenticated request, as their latest token describes them. */
public final class KnownUserService implements RecogniseUserUseCase {

  private final UserRepository users;
  private final Transactions transactions;
  private final Clock clock;

  KnownUserService(UserRepository users, Transactions transactions, Clock clock) {
    this.users = users;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void recognise(Caller caller) {
    var known = transactions.read(() -> users.findById(caller.subject()));
    if (known.isEmpty() || tokenDiffers(known.get(), caller)) {
      transactions.write(
          () -> {
            users.register(caller, clock.instant());
            return null;
          });
    }
  }

  private static boolean tokenDiffers(KnownUser known, Caller caller) {
    return differs(caller.email(), known.email()) || differs(caller.name(), known.name());
  }

  private static boolean differs(Optional<String> fromToken, Optional<String> stored) {
    return fromToken.isPresent() && !fromToken.equals(stored);
  }
}
