/** Notification rules: stored as one document, seeded with the defaults, edited by ADMIN. */
package gov.supervision.notification.rule;
