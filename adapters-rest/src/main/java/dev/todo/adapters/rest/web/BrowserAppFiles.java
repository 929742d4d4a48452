package dev.todo.adapters.rest.web;

import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.context.ServerContextPathProvider;
import io.micronaut.web.router.resource.StaticResourceConfiguration;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The browser app's files ({@code public/} on the class path, from the frontend module) as
 * Micronaut's static resources at {@code /**}, read through {@link ClassLoaderFiles}: {@code /}
 * answers {@code index.html}; the app's routes without a file are {@link BrowserAppFilter}'s.
 */
@Singleton
final class BrowserAppFiles extends StaticResourceConfiguration {

  static final String FOLDER = "public";

  private final ClassLoaderFiles files;

  BrowserAppFiles(ResourceResolver resources, ServerContextPathProvider contextPath) {
    super(resources, contextPath);
    setMapping("/**");
    this.files = new ClassLoaderFiles(BrowserAppFiles.class.getClassLoader(), FOLDER);
  }

  Optional<InputStream> file(String path) {
    return files.getResourceAsStream(path);
  }

  @Override
  public List<ResourceLoader> getResourceLoaders() {
    return List.of(files);
  }
}
