package dev.todo.bootstrap.archfixtures.adapters.localfs;

/** Breaks two rules: touches the GCS SDK outside adapters.gcs, and uses another adapter. */
public class LocalfsUsingGoogleCloud {
  com.google.cloud.storage.Storage storage;
  dev.todo.bootstrap.archfixtures.adapters.gcs.GcsUsingRest gcs;
}
