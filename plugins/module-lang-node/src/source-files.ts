/** Extensions of JavaScript and TypeScript sources and of the single-file components built from them. */
const SOURCE_EXTENSIONS = ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "vue", "svelte", "astro"];

/**
 * The `source_files` globs of a Node.js project: one `**\/*.<ext>` per source extension the
 * repository has (one glob each, not `**\/*.{js,ts}`, because facts are comma-separated), the
 * manifests (the root package.json and one per workspace glob), TypeScript configs, and the lock,
 * version and manager config files.
 */
export function sourceFileGlobs(
  files: readonly string[],
  workspaces: readonly string[],
  exact: readonly string[],
): string[] {
  const used = new Set<string>();
  let tsconfig = false;
  for (const file of files) {
    if (file.startsWith("node_modules/") || file.includes("/node_modules/")) continue;
    const dot = file.lastIndexOf(".");
    if (dot > file.lastIndexOf("/")) used.add(file.slice(dot + 1));
    if (/(^|\/)tsconfig[^/]*\.json$/.test(file)) tsconfig = true;
  }
  const extensions = SOURCE_EXTENSIONS.filter((ext) => used.has(ext));
  const globs = (extensions.length ? extensions : ["js", "ts"]).map((ext) => `**/*.${ext}`);
  globs.push("package.json");
  for (const glob of workspaces) {
    if (!glob.startsWith("!")) globs.push(`${glob.replace(/\/+$/, "")}/package.json`);
  }
  if (tsconfig) globs.push("**/tsconfig*.json");
  globs.push(...exact);
  return [...new Set(globs)];
}
