/**
 * The closest candidate to a mistyped name, or undefined when none is close enough to be a
 * plausible typo (so the hint never suggests something unrelated).
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** A hint: `did you mean "x"? <known label>: a, b, c` (each part only when there is something to say). */
export function suggestionHint(input: string, candidates: readonly string[], knownLabel: string): string | undefined {
  const guess = didYouMean(input, candidates);
  const parts: string[] = [];
  if (guess) parts.push(`did you mean "${guess}"?`);
  if (candidates.length > 0) parts.push(`${knownLabel}: ${candidates.join(", ")}`);
  else parts.push(`there are no ${knownLabel.toLowerCase()}`);
  return parts.join(" ");
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("stpes" -> "steps"). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
    }
  }
  return rows[a.length][b.length];
}
