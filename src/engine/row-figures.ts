// Body-row figures kept compact: one block per table segment holds every row's exact integer
// units and which cells hold a figure in two number arrays, and a row is a window onto its slice. The
// Amount of a cell (with its decimal) is parsed again when a check asks for it: most
// relations hold and are confirmed on the integers alone, and a million retained objects
// would cost the garbage collector more than a few cells cost to re-read.
import { readFigure, type Amount, type FigureFacts } from './amount';
import type { SheetView } from './sheet-view';
import { doubles } from './collections';

const facts: FigureFacts = { units: 0, decimals: 0, percent: false, zero: false };

/** The figures of up to `capacity` rows over the same amount columns. */
export class FigureBlock {
  /** Exact 0.0001-units (0 when blank); NaN when the figure does not fit the integer form. */
  // Plain arrays: a typed array per table costs more to allocate than it saves.
  readonly exact: number[];
  /** 1 where the cell holds a figure. */
  readonly present: number[];
  /** Figures read, and how many non-zero amounts (not percentages) show each count of decimals. */
  count = 0;
  readonly byDecimals: number[] = [];
  private used = 0;

  constructor(readonly view: SheetView, readonly cols: readonly number[], capacity: number) {
    this.exact = doubles(capacity * cols.length);
    this.present = new Array<number>(capacity * cols.length).fill(0);
  }

  /** Reads row r's figures into the next free slice. */
  read(r: number): RowFigures {
    const base = this.used;
    this.used += this.cols.length;
    for (let j = 0; j < this.cols.length; j++) {
      if (!readFigure(this.view.sheet, r, this.cols[j], facts)) continue;
      this.exact[base + j] = facts.units;
      this.present[base + j] = 1;
      this.count++;
      if (!facts.percent && !facts.zero) this.byDecimals[facts.decimals] = (this.byDecimals[facts.decimals] ?? 0) + 1;
    }
    return new RowFigures(this, base, r);
  }
}

/** One row's figures, one per amount column of its segment. */
export class RowFigures {
  constructor(private readonly block: FigureBlock, private readonly base: number, readonly r: number) {}

  get length(): number {
    return this.block.cols.length;
  }

  get cols(): readonly number[] {
    return this.block.cols;
  }

  has(j: number): boolean {
    return j < this.length && this.block.present[this.base + j] === 1;
  }

  /** The figure in column j, parsed from its cell; null when blank. */
  at(j: number): Amount | null {
    return this.has(j) ? this.block.view.amount(this.r, this.block.cols[j]) : null;
  }

  /**
   * Exact units of column j (blank = 0), NaN when only the decimal form holds it. NaN rather
   * than null: sums stay plain doubles (NaN carries through), with no number boxed per figure.
   */
  exact(j: number): number {
    return j < this.length ? this.block.exact[this.base + j] : 0;
  }

  /** Whether any column holds a figure. */
  any(): boolean {
    for (let j = 0; j < this.length; j++) if (this.block.present[this.base + j] === 1) return true;
    return false;
  }
}
