/** Typed configuration of notification-service. */
package gov.supervision.notification.config;
