// The pane's tolerance setting and its translation to CheckOptions.tolerance.

export type ToleranceState = { mode: 'auto' } | { mode: 'fixed'; value: string };

/** A fixed tolerance must be a plain non-negative decimal ("0.01", "1"). */
export function isValidTolerance(v: string): boolean {
  return /^\d+(\.\d+)?$/.test(v.trim());
}

/** The tolerance option handed to checkWorkbook, or null while the fixed value is invalid. */
export function toleranceOption(t: ToleranceState): 'auto' | string | null {
  if (t.mode === 'auto') return 'auto';
  return isValidTolerance(t.value) ? t.value.trim() : null;
}
