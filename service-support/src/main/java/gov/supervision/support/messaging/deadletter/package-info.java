/**
 * Dead-letter replay, one implementation for every consuming service: the administrator lists the
 * records the service's own listener parked on the dead-letter topics of what it consumes and hands
 * them back to that listener ({@code /api/dead-letters/<spring.application.name>}).
 */
package gov.supervision.support.messaging.deadletter;
