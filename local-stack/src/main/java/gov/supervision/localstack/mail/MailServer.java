package gov.supervision.localstack.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import gov.supervision.localstack.support.LauncherArgs;
import gov.supervision.localstack.support.ParentWatch;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMTP server of the local stack (GreenMail, accepts any sender and recipient) plus a tiny HTTP
 * endpoint that lists what it received, for the demo: {@code GET /messages} answers a JSON array of
 * {@code {from, to, subject, body, receivedAt}}; {@code DELETE /messages} empties the mailbox.
 *
 * <p>Run as a process: {@code MailServer --smtp-port=2525 --http-port=2580}; or in-process with
 * {@link #start(String, int, int)}.
 */
public final class MailServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MailServer.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final GreenMail greenMail;
  private final HttpServer http;

  private MailServer(GreenMail greenMail, HttpServer http) {
    this.greenMail = greenMail;
    this.http = http;
  }

  /** Starts SMTP on {@code host:smtpPort} and the listing endpoint on {@code host:httpPort}. */
  public static MailServer start(String host, int smtpPort, int httpPort) throws IOException {
    GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(host, httpPort), 0);
    } catch (IOException e) {
      greenMail.stop();
      throw e;
    }
    MailServer server = new MailServer(greenMail, http);
    http.createContext("/messages", server::handle);
    http.start();
    log.info(
        "SMTP ready on {}:{}, received mail at http://{}:{}/messages",
        host,
        smtpPort,
        host,
        httpPort);
    return server;
  }

  /** The messages received so far, oldest first, as plain maps. */
  public List<Map<String, Object>> messages() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      list.add(describe(message));
    }
    return list;
  }

  /** Stops SMTP and HTTP. */
  @Override
  public void close() {
    http.stop(0);
    greenMail.stop();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      switch (exchange.getRequestMethod()) {
        case "GET" -> {
          byte[] body = JSON.writeValueAsBytes(messages());
          exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
        case "DELETE" -> {
          greenMail.purgeEmailFromAllMailboxes();
          exchange.sendResponseHeaders(204, -1);
        }
        default -> {
          exchange.getResponseHeaders().set("Allow", "GET, DELETE");
          exchange.sendResponseHeaders(405, -1);
        }
      }
    } catch (Exception e) {
      log.warn("Listing mail failed", e);
    }
  }

  private static Map<String, Object> describe(MimeMessage message) {
    Map<String, Object> map = new LinkedHashMap<>();
    try {
      map.put("from", addresses(message.getFrom()).stream().findFirst().orElse(null));
      map.put("to", addresses(message.getRecipients(Message.RecipientType.TO)));
      map.put("subject", message.getSubject());
      map.put("body", text(message));
      Instant received =
          message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
      map.put("receivedAt", received == null ? null : received.toString());
    } catch (MessagingException | IOException e) {
      map.put("error", e.getMessage());
    }
    return map;
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  private static String text(MimeMessage message) throws MessagingException, IOException {
    Object content = message.getContent();
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart multipart) {
      String html = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return String.valueOf(part.getContent());
        }
        if (html == null && part.isMimeType("text/html")) {
          html = String.valueOf(part.getContent());
        }
      }
      if (html != null) {
        return html;
      }
    }
    return GreenMailUtil.getBody(message);
  }

  /** Runs the mail server until the JVM is asked to stop (SIGTERM, Ctrl-C). */
  public static void main(String[] args) throws Exception {
    LauncherArgs a = LauncherArgs.parse(args);
    MailServer server =
        start(a.get("host", "127.0.0.1"), a.port("smtp-port", 2525), a.port("http-port", 2580));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "mail-shutdown"));
    ParentWatch.startIfRequested();
    stopped.await();
  }
}
