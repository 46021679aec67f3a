import type { JobVariant } from "../model/expand-jobs";

export type GraphFormat = "mermaid" | "dot";

/**
 * The job DAG after matrix expansion. Solid edges are `needs` (all must succeed), dashed edges
 * are `needs_any` (one is enough), in both formats, so the two kinds of dependency stay visible.
 */
export function renderGraph(jobs: readonly JobVariant[], format: GraphFormat): string {
  return format === "dot" ? dot(jobs) : mermaid(jobs);
}

function mermaid(jobs: readonly JobVariant[]): string {
  const lines = ["graph LR"];
  // Mermaid node ids may not contain `-`, and folding characters could make two ids collide, so
  // nodes are numbered in job order and labelled with the real id.
  const index = new Map(jobs.map((j, i) => [j.id, `n${i}`]));
  const node = (id: string) => `${index.get(id) ?? id}["${id}"]`;
  for (const j of jobs) {
    if (!j.needs.length && !j.needsAny.length) lines.push(`  ${node(j.id)}`);
    for (const n of j.needs) lines.push(`  ${node(n)} --> ${node(j.id)}`);
    for (const n of j.needsAny) lines.push(`  ${node(n)} -.-> ${node(j.id)}`);
  }
  return `${lines.join("\n")}\n`;
}

function dot(jobs: readonly JobVariant[]): string {
  const lines = ["digraph cigen {", "  rankdir=LR;"];
  for (const j of jobs) lines.push(`  ${JSON.stringify(j.id)};`);
  for (const j of jobs) {
    for (const n of j.needs) lines.push(`  ${JSON.stringify(n)} -> ${JSON.stringify(j.id)};`);
    for (const n of j.needsAny) lines.push(`  ${JSON.stringify(n)} -> ${JSON.stringify(j.id)} [style=dashed];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
