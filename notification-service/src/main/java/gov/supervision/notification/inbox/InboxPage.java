package gov.supervision.notification.inbox;

import java.util.List;

/** A page of the inbox with the caller's unread count. */
record InboxPage(
    List<NotificationResponse> content, int page, int size, long totalElements, long unreadCount) {}
