package dev.todo.bootstrap;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Puts every call of a use case in its own span ({@code CreateTodoUseCase.create}): the application
 * module has no framework, so the span is added where the use case is handed out.
 */
@Singleton
final class TracedUseCases {

  private final Tracer tracer;

  TracedUseCases(Tracer tracer) {
    this.tracer = tracer;
  }

  <T> T wrap(Class<T> useCase, T target) {
    Object proxy =
        Proxy.newProxyInstance(
            useCase.getClassLoader(),
            new Class<?>[] {useCase},
            (self, method, arguments) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, arguments);
              }
              String name = useCase.getSimpleName() + "." + method.getName();
              return Spans.inSpan(
                  tracer, name, SpanKind.INTERNAL, () -> invoke(method, target, arguments));
            });
    return useCase.cast(proxy);
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
