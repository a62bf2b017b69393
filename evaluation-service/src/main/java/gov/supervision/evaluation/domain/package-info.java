/** The political-quality file (政治素质档案) and the one-vote veto (一票否决), free of Spring. */
package gov.supervision.evaluation.domain;
