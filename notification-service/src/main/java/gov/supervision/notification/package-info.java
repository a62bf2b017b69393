/** notification-service: automatic alerts (预警提醒) by rule, inbox, e-mail, webhook, timers. */
package gov.supervision.notification;
