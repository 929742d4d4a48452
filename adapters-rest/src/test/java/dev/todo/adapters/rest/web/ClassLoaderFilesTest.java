package dev.todo.adapters.rest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassLoaderFilesTest {

  @TempDir Path directory;

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void findsFilesUnderItsFolderAndNothingElse(boolean inJar) throws IOException {
    try (var classLoader = new URLClassLoader(new URL[] {classPath(inJar)}, null)) {
      var files = new ClassLoaderFiles(classLoader, "public");

      assertThat(text(files, "index.html")).isEqualTo("<p>app</p>");
      assertThat(text(files, "/js/app.js")).isEqualTo("export {};");
      assertThat(files.getResource("js")).isEmpty();
      assertThat(files.getResource("js/")).isEmpty();
      assertThat(files.getResource("")).isEmpty();
      assertThat(files.getResource("missing.js")).isEmpty();
      assertThat(files.getResource("../secret.txt")).isEmpty();
      assertThat(files.getResource("js/../../secret.txt")).isEmpty();
      assertThat(files.getResource("js/..\\..\\secret.txt")).isEmpty();
      assertThat(classLoader.getResource("secret.txt")).isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aBaseNamedWithItsPrefixFindsTheSameFiles(boolean inJar) throws IOException {
    try (var classLoader = new URLClassLoader(new URL[] {classPath(inJar)}, null)) {
      var files = new ClassLoaderFiles(classLoader, "").forBase("classpath:public");

      assertThat(files.getResourceAsStream("index.html")).isPresent();
      assertThat(files.supportsPrefix("classpath:x")).isTrue();
      assertThat(files.supportsPrefix("file:x")).isFalse();
    }
  }

  private static String text(ClassLoaderFiles files, String path) throws IOException {
    try (InputStream in = files.getResourceAsStream(path).orElseThrow()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private URL classPath(boolean inJar) throws IOException {
    if (inJar) {
      Path jar = directory.resolve("app.jar");
      try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
        entry(out, "secret.txt", "no");
        entry(out, "public/", null);
        entry(out, "public/index.html", "<p>app</p>");
        entry(out, "public/js/", null);
        entry(out, "public/js/app.js", "export {};");
      }
      return jar.toUri().toURL();
    }
    Path root = directory.resolve("classes");
    Files.createDirectories(root.resolve("public/js"));
    Files.writeString(root.resolve("secret.txt"), "no");
    Files.writeString(root.resolve("public/index.html"), "<p>app</p>");
    Files.writeString(root.resolve("public/js/app.js"), "export {};");
    return root.toUri().toURL();
  }

  private static void entry(JarOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    if (content != null) {
      OutputStream body = out;
      body.write(content.getBytes(StandardCharsets.UTF_8));
    }
    out.closeEntry();
  }
}
