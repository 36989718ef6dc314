/** A number's range: its digits without the last `digits` (a block of 10^digits numbers). */
export function rangeOf(number: string, digits: number): string {
  return digits <= 0 || number.length <= digits + 2 ? number : number.slice(0, number.length - digits);
}

/** The longest of `prefixes` the number starts with, or null. */
export function matchPrefix(number: string, prefixes: readonly string[]): string | null {
  let best: string | null = null;
  for (const p of prefixes) if (number.startsWith(p) && (best === null || p.length > best.length)) best = p;
  return best;
}

/** The digits of a dialled string with international access ('+', '00') taken off. */
export function dialledDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  return text.trim().startsWith('+') ? digits : digits.replace(/^00/, '');
}

/** The longest run of numbers (in call order) each 1-9 above or below the one before, in the same range. */
export function longestSequentialRun(numbers: readonly string[]): number {
  let best = numbers.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < numbers.length; i++) {
    const a = numbers[i - 1]!;
    const b = numbers[i]!;
    const step = a.length === b.length && a.length >= 6 && a.slice(0, -4) === b.slice(0, -4) ? Math.abs(Number(b.slice(-4)) - Number(a.slice(-4))) : 0;
    run = step >= 1 && step <= 9 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}
