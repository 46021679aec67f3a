/**
 * Paths as git prints them with `-z`: bytes, decoded as UTF-8. A path that is not valid UTF-8 is
 * recorded in `nonUtf8` (globs see it with U+FFFD, and the user is warned).
 */
export function decodePath(buffer: Buffer, start: number, end: number, nonUtf8: string[]): string {
  const path = buffer.toString("utf8", start, end);
  if (path.includes("\uFFFD") && !Buffer.from(path).equals(buffer.subarray(start, end))) nonUtf8.push(path);
  return path;
}

/** NUL-terminated paths (`git ls-files -z`). */
export function parsePaths(buffer: Buffer, nonUtf8: string[]): string[] {
  const paths: string[] = [];
  let start = 0;
  for (let end = buffer.indexOf(0); end !== -1; start = end + 1, end = buffer.indexOf(0, start))
    paths.push(decodePath(buffer, start, end, nonUtf8));
  return paths;
}
