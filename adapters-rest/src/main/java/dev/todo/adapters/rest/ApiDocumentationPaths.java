package dev.todo.adapters.rest;

/**
 * Where the API's documentation is: Swagger UI under /docs, ReDoc under /redoc, with their files.
 */
public final class ApiDocumentationPaths {

  private ApiDocumentationPaths() {}

  public static boolean matches(String path) {
    return path.equals("/docs")
        || path.startsWith("/docs/")
        || path.equals("/redoc")
        || path.startsWith("/redoc/");
  }
}
