package dev.todo.bootstrap.archfixtures.adapters.gcs;

/** Breaks the GCS adapter's allow-list: it reaches into the REST adapter. */
public class GcsUsingRest {
  dev.todo.bootstrap.archfixtures.adapters.rest.RestUsingSql rest;
}
