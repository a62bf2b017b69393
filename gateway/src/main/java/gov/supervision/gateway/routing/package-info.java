/** Routes to the three services, their resilience, and the closed service actuators. */
package gov.supervision.gateway.routing;
