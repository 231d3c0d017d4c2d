// A recognized table: its region, layout, type and rounding — what every check reads.
import type { Classification } from './classify';
import type { Layout } from './layout';
import type { Region } from './regions';
import type { Rounding } from './rounding';
import type { SheetView } from './sheet-view';

export interface Table extends Classification {
  id: string;
  view: SheetView;
  region: Region;
  layout: Layout;
  unit: string;
  rounding: Rounding;
  /** The department or unit name from the 部门名称/单位名称 row, if any. */
  entity: string;
}
