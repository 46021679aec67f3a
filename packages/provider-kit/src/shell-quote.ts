/** POSIX shell quoting for values cigen writes into scripts (paths, exported values). */

/** `s` as one single-quoted shell word: nothing inside is expanded. */
export function singleQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** `word` as is when it is a plain shell word (paths, refs), else single-quoted. */
export function shellQuote(word: string): string {
  return /^[\w./@:+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** `s` escaped for the inside of a double-quoted shell string (no expansion of `$`, `` ` ``, `\`, `"`). */
export function doubleQuoteBody(s: string): string {
  return s.replace(/[\\"$`]/g, (c) => `\\${c}`);
}
