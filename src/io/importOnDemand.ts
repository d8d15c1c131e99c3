/**
 * A package that only some commands need (vega, vega-lite, exceljs), loaded
 * when first needed so that every other command starts fast.
 *
 * The command line runs from a bundle compiled with a V8 code cache
 * (bin/loadBundle.cjs), and on Node 20 a script compiled from a code cache
 * cannot run `import()` (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING). The loader
 * hands the bundle an importer of its own, `__siproImport`, in scope of the
 * bundle's code; everywhere else (the library, the tests) `import()` serves.
 */
declare const __siproImport: ((specifier: string) => Promise<unknown>) | undefined;

export function importOnDemand<T>(specifier: 'vega' | 'vega-lite' | 'exceljs'): Promise<T> {
  const loaded = typeof __siproImport === 'function' ? __siproImport(specifier) : import(specifier);
  return loaded as Promise<T>;
}
