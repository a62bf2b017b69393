package gov.supervision.gateway.console;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Every console route ({@code /}, {@code /items/42}, {@code /inbox}, ...) answers the console's
 * {@code index.html}, so links and bookmarks open on their page (history-mode routing); the
 * console's files themselves ({@code /assets/...}) are served as static resources. Paths of the
 * API, sign-in, actuator and API pages are never console routes. Without a built console (a
 * backend-only build) the answer says so.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleRoutes {

  /** Path prefixes that belong to something else than the console. */
  static final List<String> NOT_CONSOLE =
      List.of(
          "/api/",
          "/actuator",
          "/v3/",
          "/swagger-ui",
          "/webjars/",
          "/oauth2/",
          "/login",
          "/logout",
          "/assets/");

  static final String NOT_BUILT =
      "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>工作台未构建</title>"
          + "</head><body><main><h1>工作台未构建 The console is not built</h1><p>此次构建跳过了工作台"
          + "（-Dskip.console）。This build skipped the console (-Dskip.console).</p></main></body>"
          + "</html>";

  @Bean
  RouterFunction<ServerResponse> consolePages(
      @Value("classpath:/static/index.html") Resource index) {
    RequestPredicate consoleRoute =
        request -> request.method().name().equals("GET") && isConsoleRoute(request.path());
    return RouterFunctions.route(
        consoleRoute,
        request ->
            index.exists()
                ? ServerResponse.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noCache())
                    .bodyValue(index)
                : ServerResponse.status(HttpStatus.NOT_FOUND)
                    .contentType(
                        new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .bodyValue(NOT_BUILT));
  }

  /** Whether {@code path} is a route of the console (no file extension, not another part's). */
  static boolean isConsoleRoute(String path) {
    for (String prefix : NOT_CONSOLE) {
      if (path.startsWith(prefix)) {
        return false;
      }
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".");
  }
}
