package gov.supervision.gateway.balancing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code lb://<service>} route chooses among the instances of {@code
 * supervision.routes.<service>} as {@link InstanceChoice} sets it up (one Spring Cloud LoadBalancer
 * child context per service, started with the application: {@code
 * spring.cloud.loadbalancer.eager-load.clients}).
 *
 * <p>In a Kubernetes cluster each service is configured with the one URL of its Service, so there
 * is nothing to choose here and kube-proxy spreads the gateway's connections over the ready pods.
 * Client-side discovery of the pods (Spring Cloud Kubernetes) would balance per call instead of per
 * connection, but it would need the Kubernetes API from every gateway pod: a service account token
 * mounted (the pods run without one), RBAC to list and watch endpoints and services, an egress rule
 * to the API server and a Kubernetes client on the class path; readiness probes already take
 * failing pods out of the Service, and the HTTP client's pooled connections are recycled ({@code
 * spring.cloud.gateway.server.webflux.httpclient.pool.max-life-time}) so new pods get their share.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceChoice.class)
public class LoadBalancing {}
