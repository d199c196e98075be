/**
 * The Weekly Review panel, bundled apart (dist/review.js) and loaded the first time it opens;
 * `review/register.ts` imports only its types.
 */
export { disposeReviewPanel, openWeeklyReview } from './reviewPanel';
