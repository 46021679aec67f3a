const HOURS_PER_UNIT: Record<string, number> = { h: 1, d: 24, w: 24 * 7 };

/**
 * Hours in a retention such as `12h`, `7d` or `2w`; minutes (`90m`) round up to whole hours, the
 * finest unit providers keep artifacts by. Undefined when the text is not such a duration.
 */
export function parseDurationHours(text: string | number): number | undefined {
  if (typeof text !== "string") return undefined;
  const match = /^\s*(\d+)\s*([mhdw])\s*$/i.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2].toLowerCase();
  const hours = unit === "m" ? Math.ceil(amount / 60) : amount * HOURS_PER_UNIT[unit];
  return hours > 0 ? hours : undefined;
}
