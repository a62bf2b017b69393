/** Turning alerts into stored notifications by the rules, and rendering their texts. */
package gov.supervision.notification.alert;
