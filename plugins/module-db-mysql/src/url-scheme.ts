import { findDependencies } from "@cigen/module-kit";

/**
 * The DATABASE_URL scheme the repository's client reads. Rails picks its adapter from the scheme
 * and has no "mysql" adapter, so a Ruby app needs mysql2:// or trilogy://; everything else (Prisma,
 * node mysql2, dj-database-url, sqlx) takes mysql://, and Prisma rejects mysql2://.
 */
export function urlScheme(root: string): "mysql2" | "trilogy" | "mysql" {
  const gems = findDependencies(root, ["Gemfile.lock", "Gemfile"], { gems: ["mysql2", "trilogy"] });
  if (gems.some((g) => g.name === "mysql2")) return "mysql2";
  if (gems.some((g) => g.name === "trilogy")) return "trilogy";
  return "mysql";
}
