/** Timers: 三色督办 escalation of items that stay red, and 签收 receipt reminders. */
package gov.supervision.notification.escalation;
