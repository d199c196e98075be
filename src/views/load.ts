import { lazyModule } from '../platform/lazyModule';
import type * as ViewsBundle from '.';

/** dist/views.js, loaded when the first Tech Lead view is shown. */
export const views = lazyModule<typeof ViewsBundle>('views.js');
