/**
 * The view implementations (Today, Delegations, Lessons), bundled apart (dist/views.js) and loaded
 * when a view is first shown: activation only registers them.
 */
import { DelegationsTreeProvider, type GroupBy } from '../delegations/delegationsTree';
import { LessonsTreeProvider } from '../lessons/lessonsTree';
import type { Services } from '../services';
import { TodayViewProvider } from '../today/todayViewProvider';

export function createTodayView(services: Services): TodayViewProvider {
  return new TodayViewProvider(services);
}

export function createDelegationsTree(services: Services, groupBy: GroupBy): DelegationsTreeProvider {
  return new DelegationsTreeProvider(services, groupBy);
}

export function createLessonsTree(services: Services): LessonsTreeProvider {
  return new LessonsTreeProvider(services);
}
