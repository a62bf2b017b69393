package gov.supervision.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.localstack.Ports;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailServerIT {

  @Test
  void receivesMailAndListsIt() throws Exception {
    int smtp = Ports.free();
    int httpPort = Ports.free();
    try (MailServer server = MailServer.start("127.0.0.1", smtp, httpPort)) {
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", String.valueOf(smtp));
      MimeMessage message = new MimeMessage(Session.getInstance(props));
      message.setFrom(new InternetAddress("notification@supervision.local"));
      message.setRecipient(
          Message.RecipientType.TO, new InternetAddress("lead-fgw@supervision.local"));
      message.setSubject("事项即将到期", "UTF-8");
      message.setText("请于 7 日内报送进展。", "UTF-8");
      Transport.send(message);

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/messages"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).contains("json"));
      assertThat(response.body())
          .contains("\"subject\":\"事项即将到期\"")
          .contains("lead-fgw@supervision.local")
          .contains("请于 7 日内报送进展。");
      assertThat(server.messages()).hasSize(1);
    }
  }
}
