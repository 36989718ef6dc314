export { Decimal, dec, isDecimalString, ZERO, type DecimalInput } from './decimal.ts';
export { roundDecimal, parseRoundingMethod, formatFixed, ROUNDING_METHODS, type RoundingMethod } from './round-decimal.ts';
export { minorUnits, roundToCurrency } from './currency.ts';
export { allocate } from './allocate.ts';
export { isWithinBounds } from './within-bounds.ts';
export { absoluteAmount } from './absolute-amount.ts';
export { createDecimalSum, type DecimalSum } from './decimal-sum.ts';
