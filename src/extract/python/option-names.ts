// "Did you mean": the real option nearest to a name a library does not know.

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

/** Edits a name may be away from a real option and still be called a misspelling of it. */
function budget(name: string): number {
  return name.length <= 5 ? 1 : name.length <= 12 ? 2 : 3;
}

/**
 * The real option `name` most likely stands for: a known alias first, then the closest spelling
 * within a small edit budget. Undefined when nothing is close (then it is not a misspelling).
 */
export function nearestOption(name: string, real: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const alias = aliases[name] ?? aliases[name.toLowerCase()];
  if (alias) return alias;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of real) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance > 0 && bestDistance <= budget(name) ? best : undefined;
}
