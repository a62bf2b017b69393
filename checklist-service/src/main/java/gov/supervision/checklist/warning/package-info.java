/**
 * Unit early warning (政治生态监测评估预警): levels from red items, open major findings and vetoed cadres
 * (from evaluation events); a rise raises UnitEarlyWarningRaised once.
 */
package gov.supervision.checklist.warning;
