import { z } from 'zod'
import { IdOrSlug } from '../../core/contract.js'

/** The path parameter naming one row. */
export const Params = z.object({ idOrSlug: IdOrSlug })

type Meta = { id: string; description: string }
type WithNullDefaults<S extends z.ZodRawShape, K extends keyof S> = { [P in keyof S]: P extends K ? z.ZodDefault<S[P]> : S[P] }

/** The body of a create: every field, those in `nullByDefault` null when left out. */
export function newBody<S extends z.ZodRawShape, K extends keyof S & string = never>(fields: S, meta: Meta, nullByDefault: readonly K[] = []) {
  const defaults = Object.fromEntries(nullByDefault.map((k) => [k, (fields[k] as unknown as z.ZodNullable).default(null)]))
  return z.strictObject({ ...fields, ...defaults } as unknown as WithNullDefaults<S, K>).meta(meta)
}

// No defaults here: a field left out of a change keeps its value.
/** The body of a PATCH: any of the fields, at least one. */
export const patchBody = <S extends z.ZodRawShape>(fields: S, meta: Meta) =>
  z
    .strictObject(fields)
    .partial()
    .refine((o) => Object.keys(o).length > 0, 'must name at least one field to change')
    .meta(meta)
