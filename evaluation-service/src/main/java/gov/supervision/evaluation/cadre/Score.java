package gov.supervision.evaluation.cadre;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One dimension's score as the OpenAPI document shows it: 1 (poor) to 5 (excellent), as the
 * evaluation record checks it (400 naming {@code dimensions.<DIMENSION>}). A schema only, never
 * instantiated.
 */
@Schema(type = "integer", format = "int32", minimum = "1", maximum = "5")
record Score() {}
