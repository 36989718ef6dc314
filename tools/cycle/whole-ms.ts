/** A measured duration as the cycle report keeps it: whole milliseconds, half up (the report's `ms` fields are integers). */
export function wholeMs(durationMs: number): number {
  return Math.round(durationMs);
}
