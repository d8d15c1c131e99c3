// Compiles the year's kernel (src/wasm/, AssemblyScript, from its entry kernel.ts) to WebAssembly and
// embeds the bytes in src/core/year/kernelWasm.ts, as base64: the core stays
// pure TypeScript that imports, builds and tests without a compiler of its
// own. Run it (npm run build:wasm) after changing a file of src/wasm/ and commit
// both files; test/core/year/kernel.test.ts fails when they disagree.
import asc from 'assemblyscript/asc';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const SOURCE = 'src/wasm/kernel.ts';
export const EMBEDDED = 'src/core/year/kernelWasm.ts';

// -O3 without fast-math: Binaryen keeps IEEE semantics, so the kernel's
// doubles are those of the same arithmetic in JavaScript. SIMD (f64x2) is
// in every Node that sipro supports (Node ≥ 16).
const ARGUMENTS = [SOURCE, '-O3', '--runtime', 'stub', '--noAssert', '--importMemory', '--enable', 'simd', '--outFile', 'kernel.wasm'];

/** The compiled kernel's bytes. */
export async function compileKernel() {
  let bytes;
  const errors = [];
  const { error } = await asc.main(ARGUMENTS, {
    writeFile: (name, contents) => { if (name.endsWith('.wasm')) bytes = contents; },
    stderr: { write: (text) => { errors.push(String(text)); return true; } },
    stdout: { write: () => true },
  });
  if (error || bytes === undefined) throw new Error(`asc could not compile ${SOURCE}: ${error?.message ?? ''}\n${errors.join('')}`);
  if (hasData(bytes)) {
    // A data segment is copied into the memory at instantiation, over the
    // arrays JavaScript lays out from offset 0 (AssemblyScript's Math.exp and
    // Math.log bring tables: use fdlibm.ts, and keep constants in code).
    throw new Error(`${SOURCE} compiles to a module with static data; the kernel's memory is the caller's, from offset 0: the module must hold none`);
  }
  return bytes;
}

/** Whether a WebAssembly binary has a data section with a segment. */
export function hasData(bytes) {
  let at = 8; // magic and version
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 11 && leb() > 0) return true;
    at = end;
  }
  return false;
}

/** The text of src/core/year/kernelWasm.ts for these bytes. */
export function embeddedModule(bytes) {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines = base64.match(/.{1,100}/g).map((line) => `  '${line}'`).join(' +\n');
  return `// Generated from ${SOURCE} by build-wasm.mjs (npm run build:wasm): do not edit.\nexport const KERNEL_WASM =\n${lines};\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(EMBEDDED, embeddedModule(await compileKernel()));
  console.log(`wrote ${EMBEDDED}`);
}
