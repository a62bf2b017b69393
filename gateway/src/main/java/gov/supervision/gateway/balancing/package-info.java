/**
 * Which instance of a service a call goes to: Spring Cloud LoadBalancer over the instances
 * configured in {@code supervision.routes}, health-checked when there are several, a refusing
 * instance left out at once, and a retried call sent to another instance.
 */
package gov.supervision.gateway.balancing;
