/**
 * A chart of the report: its caption (title with units and money basis, a
 * note saying where the numbers come from) and its Vega-Lite spec.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface ChartFigure {
  /** Stable id, also the figure's HTML id (`chart-<id>`). */
  id: string;
  /** The caption's title: what is drawn, in which unit, on which money basis. */
  title: string;
  /** Sources, derivations and reading hints, in plain text. */
  note: string;
  spec: TopLevelSpec;
}

/** A chart the folder could not give the data for, and why: listed in the report. */
export interface MissingChart {
  title: string;
  reason: string;
}
