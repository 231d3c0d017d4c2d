// A recognized table: its region, layout, type and rounding — what every check reads.
import type { Classification } from './classify';
import type { Layout } from './layout';
import type { Region } from './regions';
import type { Rounding } from './rounding';
import type { SheetView } from './sheet-view';

/**
 * A table without its layout: what reports, findings and cross-table figures refer to. The
 * engine keeps only this once a table is checked, so its rows can be collected early.
 */
export interface TableHead extends Classification {
  id: string;
  view: SheetView;
  region: Region;
  unit: string;
  rounding: Rounding;
  /** The department or unit name from the 部门名称/单位名称 row, if any. */
  entity: string;
}

export interface Table extends TableHead {
  layout: Layout;
  /** The same table without its layout, for what outlives the checks. */
  head: TableHead;
}
