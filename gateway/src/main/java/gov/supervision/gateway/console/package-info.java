/** The console (工作台): its single-page app, served from {@code classpath:/static/}. */
package gov.supervision.gateway.console;
