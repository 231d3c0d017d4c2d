// Rounding (尾差) per DOMAIN §5: figures shown at precision p, coarser than 分, may be
// off by (n + 1) × p / 2 in a relation of n addends; figures in 元 to the cent are exact.
import { Dec } from './amount';

export const UNIT_SCALE: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 百万元: 1e6, 亿元: 1e8 };

export interface Rounding {
  /** Decimals the table's figures are shown with. */
  decimals: number;
  unit: string;
  /** Whether figures are shown coarser than 0.01 元. */
  applies: boolean;
  /** A user-fixed tolerance replaces the automatic rule. */
  fixed: Dec | null;
}

export function makeRounding(unit: string, decimals: number, fixed: Dec | null): Rounding {
  return { decimals, unit, applies: coarserThanFen(unit, decimals), fixed };
}

/** Whether one shown step (10^-decimals of the unit) is more than 0.01 元; asked once per unit and decimals. */
const COARSER = new Map<string, boolean>();

function coarserThanFen(unit: string, decimals: number): boolean {
  const k = `${unit}|${decimals}`;
  let applies = COARSER.get(k);
  if (applies === undefined) {
    const step = new Dec(UNIT_SCALE[unit] ?? 1e4).times(new Dec(10).pow(-decimals));
    applies = step.greaterThan('0.01');
    COARSER.set(k, applies);
  }
  return applies;
}

/** Tolerance for a relation with n addends. */
export function tolerance(rounding: Rounding, n: number): Dec {
  if (rounding.fixed) return rounding.fixed;
  if (!rounding.applies) return new Dec(0);
  return new Dec(10).pow(-rounding.decimals).times(n + 1).div(2);
}
