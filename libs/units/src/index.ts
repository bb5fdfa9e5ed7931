export { loadUnits, UNITS_2025_FILE, type Units } from './unit-tree-file';
export {
  csvFields,
  loadPredecessorDistricts,
  MERGER_2025_FILE,
  type PredecessorDistricts,
} from './predecessor-districts';
