// The package's module entry: the report's types and constants, for programs that read the JSON
// reports the command writes (`support-audit/report@1`; its JSON Schema is the package's
// `support-audit/report.schema.json`). The audit itself is run through the command, whose flags,
// exit codes and report are the stable interface (README "Install"); nothing here runs it.

export { DIMENSIONS, OTHER_ROW_KEY, REPORT_SCHEMA } from './report.js';
export type {
  Breach,
  BreakdownRow,
  Dimension,
  Distribution,
  Report,
  RuleGroup,
  RuleResult,
  RuleStatus,
  Summary,
  TrendPoint,
} from './report.js';
export { PROBLEM_CODES } from './types.js';
export type { InputSummary, Problem, ProblemCode } from './types.js';
export type { Severity } from './policy/types.js';
