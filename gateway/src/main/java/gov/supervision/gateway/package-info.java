/** The gateway: the one door of the suite in front of the three services. */
package gov.supervision.gateway;
