// Named figures of a workbook: the table figures the 说明 text and other tables refer
// to ("支出合计", "基本支出", "卫生健康支出", "“三公”经费", …), each with its cell.
import type { Dec } from '../amount';

export interface Figure {
  /** Canonical name, normalized (text.key): "支出合计", "基本支出", "一般公共预算收入". */
  name: string;
  value: Dec;
  /** Unit of the table the figure stands in: 元 | 千元 | 万元 | 亿元. */
  unit: string;
  /** Decimals the figure is shown with. */
  decimals: number;
  sheet: string;
  /** A1 of the cell. */
  cell: string;
  /** Report id of the table (t3). */
  table: string;
  /** Year the figure belongs to when the table says (2023), else null. */
  year: number | null;
}

export interface FigureIndex {
  /** Figures whose name (or an alias of it) matches the subject of a statement, best first. */
  find(subject: string): Figure[];
  /** Every figure, for diagnostics. */
  all(): Figure[];
}
