/**
 * Shell that makes the executables in `dir` callable from every later step by symlinking them into
 * /usr/local/bin (through sudo when that is not writable). Exporting PATH would not do: GitHub,
 * CircleCI and Jenkins start a new shell for every step, while /usr/local/bin is on the PATH of
 * every Linux shell.
 *
 * `dir` is a shell word, quoted as needed (`"$HOME/.cargo/bin"`). With `replace`, names already on
 * the PATH are replaced too (a toolchain install that must shadow an older system copy); without it
 * only missing names are linked, which also keeps a directory already on the PATH untouched.
 */
export function linkOntoPath(dir: string, options: { replace?: boolean } = {}): string {
  return [
    `for f in ${dir}/*; do`,
    `  if [ ! -f "$f" ] || [ ! -x "$f" ]; then continue; fi`,
    ...(options.replace ? [] : [`  if command -v "\${f##*/}" >/dev/null 2>&1; then continue; fi`]),
    `  if [ -w /usr/local/bin ]; then ln -sf "$f" /usr/local/bin/; else sudo ln -sf "$f" /usr/local/bin/; fi`,
    "done",
  ].join("\n");
}
