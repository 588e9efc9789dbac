/**
 * The key of pages too big to name every resource they show in Surrogate-Key (a long list
 * with its includes): every change event carries it, so a purge by an event's keys still
 * reaches them.
 */
export const EMBEDS = 'embeds'
