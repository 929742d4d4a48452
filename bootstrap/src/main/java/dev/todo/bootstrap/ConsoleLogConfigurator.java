package dev.todo.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import net.logstash.logback.composite.AbstractJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * The service's logging, set up in code (a logback {@link Configurator} found through {@code
 * META-INF/services}), where an XML file would load logback's XML configurator and the JDK's XML
 * parser on every start (about 400 classes; docs/decisions.md, "Startup").
 *
 * <p>Read from system properties, then the environment: {@code TODO_LOG_FORMAT} ({@code json}, one
 * object per line as Cloud Logging reads it, encoded off the request threads by {@link
 * TraceContextAsyncAppender}; or {@code text}), {@code TODO_LOG_LEVEL} (the root level, {@code
 * INFO}) and {@code TODO_TRACE_PROJECT} (or {@code GOOGLE_CLOUD_PROJECT}: the project of {@code
 * logging.googleapis.com/trace}). A file named by {@code -Dlogback.configurationFile} replaces all
 * of it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

  static final String TEXT_PATTERN =
      "%d{HH:mm:ss.SSS} %-5level [%X{request_id:-}] %logger{24} - %msg %kvp%n";

  /**
   * Events queued for the JSON encoder; a full queue makes the logging thread wait: nothing is
   * dropped.
   */
  private static final int JSON_QUEUE_SIZE = 8192;

  /** How long stopping logging (at exit) waits for the queue to drain. */
  private static final int JSON_FLUSH_MILLIS = 5000;

  private final UnaryOperator<String> settings;

  /** Reads the settings from system properties, then the environment (logback's own order). */
  public ConsoleLogConfigurator() {
    this(name -> System.getProperty(name, System.getenv(name)));
  }

  ConsoleLogConfigurator(UnaryOperator<String> settings) {
    this.settings = settings;
  }

  @Override
  public ExecutionStatus configure(LoggerContext logging) {
    if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    var root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level());
    root.addAppender(appender(logging));
    logging.getLogger("org.flywaydb").setLevel(Level.WARN);
    logging.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private Appender<ILoggingEvent> appender(LoggerContext logging) {
    String format = setting("TODO_LOG_FORMAT", "json").toLowerCase(Locale.ROOT);
    return switch (format) {
      case "text" -> console(logging, textEncoder(logging));
      case "json" -> asynchronous(logging, console(logging, jsonEncoder(logging)));
      default -> {
        addWarn("TODO_LOG_FORMAT is json or text, not \"" + format + "\": logging json");
        yield asynchronous(logging, console(logging, jsonEncoder(logging)));
      }
    };
  }

  private Level level() {
    String name = setting("TODO_LOG_LEVEL", "INFO");
    Level level = Level.toLevel(name, null);
    if (level == null) {
      addWarn(
          "TODO_LOG_LEVEL is a logback level (ERROR, WARN, INFO, DEBUG, TRACE), not \""
              + name
              + "\": logging at INFO");
      return Level.INFO;
    }
    return level;
  }

  private static Appender<ILoggingEvent> console(
      LoggerContext logging, Encoder<ILoggingEvent> encoder) {
    var console = new ConsoleAppender<ILoggingEvent>();
    console.setContext(logging);
    console.setName("console");
    console.setEncoder(encoder);
    console.start();
    return console;
  }

  private static Appender<ILoggingEvent> asynchronous(
      LoggerContext logging, Appender<ILoggingEvent> target) {
    var async = new TraceContextAsyncAppender();
    async.setContext(logging);
    async.setName("json");
    async.setQueueSize(JSON_QUEUE_SIZE);
    async.setDiscardingThreshold(0);
    async.setNeverBlock(false);
    async.setMaxFlushTime(JSON_FLUSH_MILLIS);
    async.addAppender(target);
    async.start();
    return async;
  }

  private static Encoder<ILoggingEvent> textEncoder(LoggerContext logging) {
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(logging);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    return encoder;
  }

  private Encoder<ILoggingEvent> jsonEncoder(LoggerContext logging) {
    var encoder = new LoggingEventCompositeJsonEncoder();
    encoder.setContext(logging);
    // Every value written is a string, number or boolean: no Jackson module is needed.
    encoder.setFindAndRegisterJacksonModules(false);
    var timestamp = new LoggingEventFormattedTimestampJsonProvider();
    timestamp.setFieldName("timestamp");
    timestamp.setTimeZone("UTC");
    var logger = new LoggerNameJsonProvider();
    logger.setFieldName("logger");
    var thread = new LoggingEventThreadNameJsonProvider();
    thread.setFieldName("thread");
    var trace = new CloudTraceJsonProvider();
    trace.setProject(setting("TODO_TRACE_PROJECT", setting("GOOGLE_CLOUD_PROJECT", "")));
    var stackTrace = new StackTraceJsonProvider();
    stackTrace.setFieldName("stack_trace");
    var providers = encoder.getProviders();
    for (AbstractJsonProvider<ILoggingEvent> provider :
        List.<AbstractJsonProvider<ILoggingEvent>>of(
            timestamp,
            new CloudLoggingSeverityProvider(),
            new MessageJsonProvider(),
            logger,
            thread,
            new MdcJsonProvider(),
            // SLF4J key-value pairs: the structured fields of a line (an authentication failure's).
            new KeyValuePairsJsonProvider(),
            trace,
            stackTrace)) {
      provider.setContext(logging);
      providers.addProvider(provider);
    }
    encoder.start();
    return encoder;
  }

  private String setting(String name, String fallback) {
    String value = settings.apply(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
