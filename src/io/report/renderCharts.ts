/**
 * Vega-Lite specs to static SVG, in Node: the page then needs no script to
 * show its charts, prints as vectors and stays small. vega and vega-lite are
 * loaded here, lazily, only when a report is written: they are not part of
 * the CLI bundle's start-up (build.mjs marks them external).
 */
import { importOnDemand } from '../importOnDemand.js';
import type { ChartFigure } from './chartFigure.js';
import { VEGA_LITE_CONFIG } from './theme.js';
import { vegaTextWidth } from './textWidth.js';

interface VegaModule {
  View: new (runtime: unknown, options: { renderer: 'none'; logger: Logger }) => { toSVG(): Promise<string>; finalize(): void };
  parse(spec: unknown): unknown;
  resetSVGDefIds(): void;
  textMetrics: { width: (item: object, text?: unknown) => number };
}
interface VegaLiteModule {
  compile(spec: unknown, options?: { logger?: Logger }): { spec: unknown };
}

/** vega-util's logger interface: vega-lite reports spec problems through it instead of the console. */
interface Logger {
  level(level?: number): number | Logger;
  error(...args: readonly unknown[]): Logger;
  warn(...args: readonly unknown[]): Logger;
  info(...args: readonly unknown[]): Logger;
  debug(...args: readonly unknown[]): Logger;
}

function collectingLogger(messages: string[], chart: string): Logger {
  const logger: Logger = {
    level: () => logger,
    error: (...args) => { messages.push(`${chart}: ${args.map(String).join(' ')}`); return logger; },
    warn: (...args) => { messages.push(`${chart}: ${args.map(String).join(' ')}`); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

export interface RenderedCharts {
  /** SVG by figure id. */
  svgs: Map<string, string>;
  /** vega-lite's warnings about the specs (none expected: tests check). */
  warnings: string[];
}

/**
 * Renders every figure to an SVG string, in order. Clip-path and gradient
 * ids are reset before each chart (so a chart's bytes do not depend on the
 * charts drawn before it) and prefixed with the figure's id (so that the
 * SVGs of one page do not share ids).
 */
export async function renderCharts(figures: readonly ChartFigure[]): Promise<RenderedCharts> {
  const [vega, vegaLite] = await Promise.all([
    importOnDemand<VegaModule>('vega'),
    importOnDemand<VegaLiteModule>('vega-lite'),
  ]);
  vega.textMetrics.width = vegaTextWidth;
  const svgs = new Map<string, string>();
  const warnings: string[] = [];
  for (const figure of figures) {
    vega.resetSVGDefIds();
    const compiled = vegaLite.compile({ config: VEGA_LITE_CONFIG, ...figure.spec }, { logger: collectingLogger(warnings, figure.id) });
    const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logger: collectingLogger(warnings, figure.id) });
    try {
      svgs.set(figure.id, prefixIds(await view.toSVG(), figure.id));
    } finally {
      view.finalize();
    }
  }
  return { svgs, warnings };
}

/** `id="clip1"` → `id="reserve-clip1"`, and every `url(#clip1)` with it. */
export function prefixIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/(xlink:)?href="#([^"]+)"/g, (_, xlink: string | undefined, id: string) => `${xlink ?? ''}href="#${prefix}-${id}"`);
}
