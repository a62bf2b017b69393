package gov.supervision.notification.inbox;

import gov.supervision.notification.alert.MessageRenderer;
import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.config.NotificationProperties;
import gov.supervision.notification.domain.NotificationType;
import gov.supervision.support.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in caller's inbox, newest first, rendered in the {@code Accept-Language} (zh-CN by
 * default, English when asked), with mark-read, mark-all-read and acknowledge (签收).
 */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

  static final int MAX_SIZE = 1000;

  private final Inbox inbox;
  private final MessageRenderer renderer;
  private final NotificationProperties.Receipt receipt;

  InboxController(Inbox inbox, MessageRenderer renderer, NotificationProperties properties) {
    this.inbox = inbox;
    this.renderer = renderer;
    this.receipt = properties.receipt();
  }

  @GetMapping("/inbox")
  InboxPage inbox(
      CurrentUser user,
      Locale locale,
      @RequestParam(required = false) Boolean unread,
      @RequestParam(required = false) NotificationType type,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
    List<NotificationResponse> content =
        inbox.page(user, unread, type, page, size).stream()
            .map(n -> response(n, user, locale))
            .toList();
    return new InboxPage(
        content, page, size, inbox.count(user, unread, type), inbox.count(user, true, null));
  }

  @PostMapping("/{id}/read")
  NotificationResponse read(@PathVariable String id, CurrentUser user, Locale locale) {
    return response(inbox.markRead(user, id), user, locale);
  }

  @PostMapping("/read-all")
  Map<String, Long> readAll(CurrentUser user) {
    return Map.of("marked", inbox.markAllRead(user));
  }

  @PostMapping("/{id}/acknowledge")
  NotificationResponse acknowledge(@PathVariable String id, CurrentUser user, Locale locale) {
    return response(inbox.acknowledge(user, id), user, locale);
  }

  private NotificationResponse response(NotificationDocument n, CurrentUser user, Locale locale) {
    return NotificationResponse.of(
        n,
        user.sub(),
        renderer.render(n.type(), n.args(), locale),
        n.receiptRequired() && n.createdAt() != null ? receipt.acknowledgeBy(n.createdAt()) : null);
  }
}
