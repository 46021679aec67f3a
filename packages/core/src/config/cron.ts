/** Field ranges of a 5-field cron expression, with the names some fields accept. */
const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
  },
  { name: "day of week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

/**
 * Why a cron expression is invalid, or undefined when it is a valid 5-field expression
 * (`*`, numbers, `a-b` ranges, `/n` steps, `,` lists, month and weekday names). Every provider
 * accepts this common subset.
 */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5)
    return `has ${fields.length} field${fields.length === 1 ? "" : "s"}, expected 5 (minute hour day-of-month month day-of-week)`;
  for (let i = 0; i < 5; i++) {
    const field = FIELDS[i];
    for (const part of fields[i].split(",")) {
      if (!validPart(part, field))
        return `has an invalid ${field.name} field "${fields[i]}" (allowed ${field.min}-${field.max})`;
    }
  }
  return undefined;
}

function validPart(part: string, field: (typeof FIELDS)[number]): boolean {
  const [range, step, ...extra] = part.split("/");
  if (extra.length > 0) return false;
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0)) return false;
  if (range === "*") return true;
  const bounds = range.split("-");
  if (bounds.length > 2) return false;
  const values = bounds.map((b) => value(b, field));
  if (values.some((v) => v === undefined)) return false;
  return values.length === 1 || values[0]! <= values[1]!;
}

function value(text: string, field: (typeof FIELDS)[number]): number | undefined {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + (field.min === 1 ? 1 : 0);
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}
