import { StateMap } from '../../platform/stateMap';
import type { Services } from '../../services';
import type { GroupBy } from './delegationsTree';

/** How the Delegations view is grouped, as stored for this workspace. */
export function storedGrouping(services: Services): GroupBy {
  return services.state.cell(StateMap.groupBy).get();
}

export async function storeGrouping(services: Services, groupBy: GroupBy): Promise<void> {
  await services.state.cell(StateMap.groupBy).update(groupBy);
}
