// A body row's figures, one per amount column, kept compact: exact integer units and shown
// decimals in two number arrays. The Amount of a cell (with its decimal) is parsed again when
// a check asks for it: most relations hold and are confirmed on the integers alone, and a
// million retained Amount objects cost more to keep than a few cells cost to re-read.
import { readFigure, type Amount, type FigureFacts } from './amount';
import type { SheetView } from './sheet-view';

/** `shown` entry of a column without a figure; PERCENT is added to a percentage's decimals. */
const BLANK = -1;
const PERCENT = 64;

const facts: FigureFacts = { units: 0, decimals: 0, percent: false };

export class RowFigures {
  /** Exact 0.0001-units (0 when blank); NaN when the figure does not fit the integer form. */
  private readonly exact: number[] = [];
  private readonly shown: number[] = [];

  constructor(private readonly view: SheetView, readonly r: number, readonly cols: readonly number[]) {
    for (const c of cols) {
      const v = view.raw(r, c);
      if (v !== null && readFigure(v, view.text(r, c), view.format(r, c), facts)) {
        this.exact.push(facts.units);
        this.shown.push(facts.percent ? facts.decimals + PERCENT : facts.decimals);
      } else {
        this.exact.push(0);
        this.shown.push(BLANK);
      }
    }
  }

  get length(): number {
    return this.cols.length;
  }

  has(j: number): boolean {
    return j < this.shown.length && this.shown[j] !== BLANK;
  }

  /** The figure in column j, parsed from its cell; null when blank. */
  at(j: number): Amount | null {
    return this.has(j) ? this.view.amount(this.r, this.cols[j]) : null;
  }

  /** Exact units of column j (blank = 0), or null when only the decimal form holds it. */
  units(j: number): number | null {
    if (j >= this.exact.length) return 0;
    const u = this.exact[j];
    return Number.isNaN(u) ? null : u;
  }

  decimals(j: number): number {
    const d = this.shown[j] ?? BLANK;
    return d >= PERCENT ? d - PERCENT : d;
  }

  isPercent(j: number): boolean {
    return (this.shown[j] ?? BLANK) >= PERCENT;
  }

  isZero(j: number): boolean {
    const u = this.units(j);
    return u !== null ? u === 0 : this.at(j)?.value.isZero() ?? true;
  }

  /** Number of columns holding a figure. */
  count(): number {
    let n = 0;
    for (const d of this.shown) if (d !== BLANK) n++;
    return n;
  }

  any(): boolean {
    return this.shown.some((d) => d !== BLANK);
  }
}
