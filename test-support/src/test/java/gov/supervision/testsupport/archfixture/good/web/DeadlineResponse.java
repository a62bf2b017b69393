package gov.supervision.testsupport.archfixture.good.web;

import java.time.LocalDate;

/** A response record in a file of its own (never run). */
public record DeadlineResponse(LocalDate due, String light) {}
