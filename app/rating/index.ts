export { ratePending, type RatingRunResult } from './rate-pending.ts';
export { runRating, ratingRunRequestSchema } from './run-rating.ts';
