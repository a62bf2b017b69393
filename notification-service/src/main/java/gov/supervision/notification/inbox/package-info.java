/** The caller's inbox: its own and its roles' notifications, read state per person, receipts. */
package gov.supervision.notification.inbox;
