package dev.todo.devidp;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The local run's OpenID Connect provider: navikt's mock-oauth2-server with its interactive sign-in
 * form (any username; the id token's {@code sub} is that username).
 *
 * <p>Run only by {@code bin/run} and the end-to-end tests, as a second process next to the service.
 * Settings: {@code TODO_DEV_IDP_PORT} (default 8081; 0 picks a free port) and {@code
 * TODO_DEV_IDP_HOST} (default {@code localhost}). The issuer id is {@code todo}, so the issuer is
 * {@code http://localhost:8081/todo}, the service's default {@code TODO_OIDC_ISSUER}. Prints one
 * line {@code dev-idp issuer <url>} once it accepts connections.
 */
public final class DevIdentityProvider {

  static final String ISSUER_ID = "todo";

  private DevIdentityProvider() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(setting("TODO_DEV_IDP_PORT", "8081"));
    InetAddress host = InetAddress.getByName(setting("TODO_DEV_IDP_HOST", "localhost"));

    MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true));
    server.start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  stopped.countDown();
                },
                "dev-idp-shutdown"));
    System.out.println("dev-idp issuer " + server.issuerUrl(ISSUER_ID));
    System.out.flush();
    stopped.await();
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
