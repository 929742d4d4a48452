package dev.todo.adapters.rest;

/** The service's metrics in the Prometheus text format, as bootstrap's registry writes them. */
public interface MetricsText {

  /** The media type of {@link #scrape()}: Prometheus text format 0.0.4. */
  String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  String scrape();
}
