import { z } from 'zod'

/** The field primitives every writable resource shares, so a slug or a name means one thing everywhere. */
export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')

export const Text = z.string().min(1).max(10_000)

/** An id the server minted: a prefix, an underscore, 26 characters of a ULID. */
export const Id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), `must look like ${prefix}_ followed by 26 characters`)
