export { offsetAt, isValidTimezone } from './offset-at.ts';
export { resolveLocalTime, type LocalTimeReading } from './resolve-local-time.ts';
export { zonedToEpoch, localParts, localDayNumber, nextLocalMidnight, parseInstant, type LocalParts } from './zoned-time.ts';
export { addDays, daysBetween, addMonths, monthsBetween, localDate, startOfLocalDate, isoWeekday, checkDate } from './calendar-date.ts';
export { isCalendarDate, daysInMonth, addMonthsToDate, splitIntoMonths, periodsOverlap, spanOf } from './calendar-periods.ts';
