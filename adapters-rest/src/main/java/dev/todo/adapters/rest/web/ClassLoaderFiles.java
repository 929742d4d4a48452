package dev.todo.adapters.rest.web;

import io.micronaut.core.io.ResourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files under one folder of the class path, found through the class loader alone.
 *
 * <p>Micronaut's own class-path loader asks whether a path is a folder by opening the jar as a zip
 * file system, which reads and indexes the jar's whole central directory (47,000 entries in the
 * service's jar) on every question it has not cached, and it caches 50 answers: the browser app has
 * more files than that, so every page load paid it again and again, on the event loop. This asks
 * the jar the class loader has open already.
 */
final class ClassLoaderFiles implements ResourceLoader {

  private static final Pattern RELATIVE_SEGMENT = Pattern.compile("(^|[/\\\\])\\.\\.?([/\\\\]|$)");

  private final ClassLoader classLoader;
  private final String base;

  ClassLoaderFiles(ClassLoader classLoader, String base) {
    this.classLoader = classLoader;
    this.base = base.isEmpty() || base.endsWith("/") ? base : base + "/";
  }

  @Override
  public Optional<URL> getResource(String path) {
    String name = stripped(path);
    if (RELATIVE_SEGMENT.matcher(name).find()) {
      return Optional.empty();
    }
    URL url = classLoader.getResource(base + name);
    return url == null || isFolder(url) ? Optional.empty() : Optional.of(url);
  }

  @Override
  public Optional<InputStream> getResourceAsStream(String path) {
    return getResource(path).map(ClassLoaderFiles::open);
  }

  @Override
  public Stream<URL> getResources(String name) {
    return getResource(name).stream();
  }

  @Override
  public boolean supportsPrefix(String path) {
    return path.startsWith("classpath:");
  }

  @Override
  public ResourceLoader forBase(String basePath) {
    return new ClassLoaderFiles(classLoader, stripped(basePath.replaceFirst("^classpath:", "")));
  }

  private static String stripped(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static boolean isFolder(URL url) {
    try {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection jar) {
        return jar.getJarEntry().isDirectory();
      }
      return "file".equals(url.getProtocol()) && Files.isDirectory(Path.of(url.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream open(URL url) {
    try {
      return url.openStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
