// The report contract (shared/docs/REPORT-FORMAT.md): keep stable, extend only by adding fields.

export const REPORT_SCHEMA = 'budget-check/report@1';

export type Severity = 'error' | 'rounding' | 'warning' | 'info';

/** Every table type id of DOMAIN.md, plus `unknown`. */
export type TableType =
  | 'budget.summary'
  | 'budget.revenue'
  | 'budget.expenditure'
  | 'budget.fiscal_summary'
  | 'budget.general_expenditure'
  | 'budget.basic_expenditure'
  | 'budget.economic_summary'
  | 'budget.three_public'
  | 'budget.gov_fund'
  | 'budget.state_capital'
  | 'budget.project'
  | 'budget.procurement'
  | 'budget.purchase_service'
  | 'budget.operating_cost'
  | 'budget.performance_dept'
  | 'budget.performance_project'
  | 'final.summary'
  | 'final.revenue'
  | 'final.expenditure'
  | 'final.fiscal_summary'
  | 'final.general_expenditure'
  | 'final.basic_expenditure'
  | 'final.gov_fund'
  | 'final.state_capital'
  | 'final.three_public'
  | 'final.performance_self_eval'
  | 'unknown';

export interface TableReport {
  id: string;
  sheet: string;
  /** Title row through last data row, A1 notation. */
  range: string;
  type: TableType;
  title: string;
  unit: string;
  confidence: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  table: string;
  sheet: string;
  cell: string;
  expected: string;
  actual: string;
  difference: string;
  tolerance: string;
  message: string;
  /** Ranges compared with, `Sheet!A1:B2`. */
  related: string[];
}

export interface Fill {
  sheet: string;
  cell: string;
  value: string;
  formula?: string;
  from: string[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  file: string;
  tables: TableReport[];
  findings: Finding[];
  fills?: Fill[];
}
