/** Web pieces shared by the features: domain errors as problem+json, pages, unit scoping. */
package gov.supervision.checklist.web;
