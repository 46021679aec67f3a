/**
 * Every cycle a depth-first search meets in a directed graph, each as the list of nodes from the
 * first repeated node back to itself (`[a, b, a]`). Iterative, because a generated config may chain
 * thousands of nodes. Nodes are visited in the map's order, so the result is deterministic.
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, "active" | "done">();
  const cycles: string[][] = [];
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, "active");
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const targets = edges.get(frame.id) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.id, "done");
        stack.pop();
        continue;
      }
      const target = targets[frame.next++];
      if (state.get(target) === "active") {
        cycles.push([...stack.slice(stack.findIndex((f) => f.id === target)).map((f) => f.id), target]);
      } else if (!state.has(target) && edges.has(target)) {
        state.set(target, "active");
        stack.push({ id: target, next: 0 });
      }
    }
  }
  return cycles;
}
