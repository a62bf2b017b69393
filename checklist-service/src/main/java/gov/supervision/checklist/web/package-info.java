/** Web pieces shared by the features: pages and unit scoping. */
package gov.supervision.checklist.web;
