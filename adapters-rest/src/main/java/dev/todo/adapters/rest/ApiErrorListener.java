package dev.todo.adapters.rest;

/**
 * Told of every error response in the contract's envelope, with its code and status (bootstrap
 * counts them); this adapter knows no metrics library. Called on the response path: return at once.
 */
public interface ApiErrorListener {

  void onError(String code, int status);
}
