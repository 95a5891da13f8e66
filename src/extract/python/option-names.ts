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
  if (best !== undefined && bestDistance > 0 && bestDistance <= budget(name)) return best;
  return byWords(name, real);
}

/** Words of a name, lower-case and singular: CORS_ORIGIN_ALLOW_HEADER -> cors, origin, allow, header. */
function words(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/[_-]+/).filter(Boolean).map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w)));
}

/**
 * A name with one word too many or too few (CORS_ORIGIN_ALLOW_HEADER for CORS_ALLOW_HEADERS): the
 * real name whose words all appear in it, or that has all of its words plus one, sharing the most.
 */
function byWords(name: string, real: readonly string[]): string | undefined {
  // A word every real name has (the CORS_ of settings names) says nothing about which one is meant.
  const everywhere = real.length > 1 ? [...words(real[0]!)].filter((w) => real.every((r) => words(r).has(w))) : [];
  const strip = (set: Set<string>) => new Set([...set].filter((w) => !everywhere.includes(w)));
  const mine = strip(words(name));
  let best: string | undefined;
  let bestScore = 0;
  for (const candidate of real) {
    const theirs = strip(words(candidate));
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    const subset = shared === theirs.size || shared === mine.size;
    const extra = Math.max(mine.size, theirs.size) - shared;
    if (!subset || extra !== 1 || shared < 2) continue;
    const score = shared / (mine.size + theirs.size - shared);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
