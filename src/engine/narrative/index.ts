// The 说明 (narrative) checks: statements read from prose cells, checked against the FigureIndex.
export { analyzeNarrative, checkNarrative, checkStatements, readStatements, extractionStats, namesFigure, narrativeNote, narrativeStats } from './check';
export type { NarrativeResult, NarrativeStats } from './check';
export { extractStatements, prose } from './extract';
export type {
  AmountStatement,
  ChangeStatement,
  OtherStatement,
  RateStatement,
  ShareStatement,
  Source,
  Stated,
  StatedAmount,
  Statement,
  Unit,
} from './extract';
export { STRUCTURAL_PARENT, resolveSubject } from './vocabulary';
export type { Family, Subject } from './vocabulary';
