/** The notification model without any framework: rules, addressees, alerts and their policies. */
package gov.supervision.notification.domain;
