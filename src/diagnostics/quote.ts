/** A value as it would be written in code (`"blu"`, `150`, `{"a":1}`); never throws, even on cyclic objects. */
export function quote(value: unknown): string {
  try {
    const json = JSON.stringify(value)
    if (json !== undefined) return json.length > 200 ? json.slice(0, 200) + '…' : json
  } catch {
    /* cyclic or BigInt: fall through */
  }
  return String(value)
}
