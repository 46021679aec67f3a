/**
 * How a store plugin reports a problem the user can fix (a missing setting, an unreachable server,
 * rejected credentials): it fails the call with an error whose message is
 *
 *   <CODE>: <what happened, naming the store and the setting>
 *   hint: <how to fix it>
 *
 * The protocol carries only a message for a failed call; the core's store client reads the code and
 * the hint back out of it (see packages/core/src/stores/store-failure.ts) and turns them into a
 * diagnostic. Any other error still becomes a diagnostic, only a less helpful one.
 */
export function storeError(code: string, message: string, hint: string): Error {
  return new Error(`${code}: ${message}\nhint: ${hint}`);
}

/** Removes a URL's password (and user), so no error message or log line ever shows a credential. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = parsed.username ? "***" : "";
      parsed.password = parsed.password ? "***" : "";
    }
    return parsed.toString();
  } catch {
    return "<not a URL>";
  }
}
