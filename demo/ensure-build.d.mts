export const ROOT: string
export function ensureBuilt(options?: { widget?: boolean }): void
