/**
 * A uuid v4 from `crypto.getRandomValues`, which every ES2019 browser has, on plain http too
 * (`crypto.randomUUID` would need a secure context and a second code path).
 */
export const uuid = (): string => {
  // One call for the whole id, a byte per position: a call per digit (31, each allocating its
  // own array) cost about 10 ms at 4× CPU throttling in the task that counts a shown card.
  const random = crypto.getRandomValues(new Uint8Array(36))
  // 1e7-1e3-4e3-8e3-1e11 spells the v4 layout; each 0/1/8 becomes a random hex digit, the 4 stays
  // (version) and the 8 keeps only 8–b (variant).
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c, at: number) =>
    (+c ^ (random[at] & (15 >> (+c / 4)))).toString(16),
  )
}
