/**
 * The Today view's implementation, bundled apart (dist/today.js) and loaded when the view is first
 * shown; `today/register.ts` imports only its types.
 */
export { TodayViewProvider } from './todayViewProvider';
export { afterNudgeDone } from './momentNote';
