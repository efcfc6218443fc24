/**
 * One benchmark section: a list of figures, each optionally beside a peer measured in the same run.
 * `ratio` is ours / peer for throughputs (higher is better) and peer / ours for costs (higher is better),
 * so a ratio above 1 always means we did better.
 */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** Target stated in the issue, in the same unit, when there is one. */
  target?: { op: '>=' | '<='; value: number };
  peer?: { name: string; value: number };
  ratio?: number;
}

export interface BenchSection {
  name: string;
  rows: BenchRow[];
  notes?: string[];
}

/** Each `bench/*.bench.ts` default-exports one of these. */
export type BenchModule = (ctx: BenchContext) => Promise<BenchSection[]>;

export interface BenchContext {
  /** Path to the provider range files (../shared/data/provider-ranges by default). */
  rangesDir: string;
  /** Path to ../shared. */
  sharedDir: string;
  /** Smaller workloads for a quick check (`--quick`). */
  quick: boolean;
}
