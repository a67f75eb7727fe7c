/** Edits (insert, delete, replace one character) that turn `a` into `b`; case is ignored. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase()
  b = b.toLowerCase()
  let previous = Array.from({ length: b.length + 1 }, (_, column) => column)
  for (let row = 1; row <= a.length; row++) {
    const current = [row]
    for (let column = 1; column <= b.length; column++) {
      const replace = previous[column - 1] + (a[row - 1] == b[column - 1] ? 0 : 1)
      current[column] = Math.min(replace, previous[column] + 1, current[column - 1] + 1)
    }
    previous = current
  }
  return previous[b.length]
}

/**
 * The known name a misspelt one most likely meant, or `undefined` when none is close: at most two
 * edits (three for names longer than eight characters), so that another tool's attribute such as
 * `data-cfasync` is not taken for one of ours.
 *
 * @example
 * closestName('postion', ['position', 'accent']) // → 'position'
 * closestName('cfasync', ['position', 'accent']) // → undefined
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = name.length > 8 ? 3 : 2
  for (const candidate of known) {
    const distance = editDistance(name, candidate)
    if (distance <= bestDistance && !(best && distance == bestDistance)) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
