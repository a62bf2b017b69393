package gov.supervision.notification.delivery;

import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.domain.Channel;

/** Sends a notification over one channel; throws when the channel did not take it. */
interface ChannelSender {

  Channel channel();

  void send(NotificationDocument notification) throws Exception;
}
