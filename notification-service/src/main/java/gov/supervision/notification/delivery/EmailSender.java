package gov.supervision.notification.delivery;

import gov.supervision.notification.alert.MessageRenderer;
import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.config.NotificationProperties;
import gov.supervision.notification.domain.Addressee;
import gov.supervision.notification.domain.AddresseeKind;
import gov.supervision.notification.domain.Channel;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP with the zh-CN subject and body of the notification and a full link. A person's
 * address comes from {@code supervision.notification.directory.<sub>.email}, else {@code
 * <sub>@<default-domain>}; a role's from {@code role-mailboxes.<ROLE>}, else {@code
 * role-<role>@<default-domain>}.
 */
@Component
class EmailSender implements ChannelSender {

  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationProperties properties;
  private final MessageRenderer renderer;

  EmailSender(
      ObjectProvider<JavaMailSender> mail,
      NotificationProperties properties,
      MessageRenderer renderer) {
    this.mail = mail;
    this.properties = properties;
    this.renderer = renderer;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void send(NotificationDocument n) throws Exception {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
    }
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.mail().from());
    helper.setTo(addressOf(n.addressee()));
    String link = properties.mail().linkBase() + n.link();
    helper.setSubject(renderer.text("mail.subject", MessageRenderer.ZH_CN, n.title()));
    helper.setText(renderer.text("mail.body", MessageRenderer.ZH_CN, n.body(), link));
    message.setHeader("X-Notification-Id", n.id());
    sender.send(message);
  }

  String addressOf(Addressee addressee) {
    String domain = properties.mail().defaultDomain();
    if (addressee.kind() == AddresseeKind.ROLE) {
      String mailbox = properties.roleMailboxes().get(addressee.id());
      return mailbox != null
          ? mailbox
          : "role-" + addressee.id().toLowerCase(Locale.ROOT).replace('_', '-') + "@" + domain;
    }
    NotificationProperties.DirectoryEntry entry = properties.directory().get(addressee.id());
    if (entry != null && entry.email() != null) {
      return entry.email();
    }
    return addressee.id().replaceAll("[^A-Za-z0-9._-]", "_") + "@" + domain;
  }
}
