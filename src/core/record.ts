/**
 * Builds a record by assignment: `record({ a, b })` has the fields of
 * `{ a, b }`. The records the year's loops read (model, layout, scenario,
 * timeline, state, workspace) are made with it, and the year context by a
 * constructor of its own (context.ts), never returned as object literals,
 * for speed alone. In V8 (Node 20), building an
 * object literal of a shape again, once code that reads the shape is
 * optimised, widens the tracked types of its fields and throws every such
 * function away: the entrants' run after a projection then ran all the year
 * steps cold again (eleven functions at once, ~60 ms of CPU of a demo
 * `sipro project`). Fields assigned one by one to an object of a class of
 * our own follow the same hidden-class transitions every time and widen
 * nothing; the class keeps them apart from object literals' (a literal of up
 * to four fields starts from the same hidden class as `{}`).
 * @example record({ minAge: 15, maxAge: 110 }) // { minAge: 15, maxAge: 110 }
 */
export function record<T extends object>(fields: T): T {
  // Not Object.assign: for a small object, it copies the literal's hidden class, and the trouble with it.
  const copy = new RecordRoot() as T;
  for (const key of Object.keys(fields) as (keyof T)[]) copy[key] = fields[key];
  return copy;
}

/** The root of every record's hidden class. */
class RecordRoot {}
