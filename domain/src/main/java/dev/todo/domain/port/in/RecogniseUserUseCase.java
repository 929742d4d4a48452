package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;

/**
 * Makes the caller of an authenticated request known to the service, or refreshes the e-mail and
 * name their token carries: one read, and a write only when the user is new or their token says
 * otherwise (a token without an e-mail or name leaves the stored one as it is).
 */
public interface RecogniseUserUseCase {

  void recognise(Caller caller);
}
