// The page hook as the bench's "hook install stages" phase loads it: the real installPageHook,
// with the clock read after each stage and the times (ms) left on the window for the bench to
// read. Never shipped: the extension's page hook is extension/page-hook.ts.
import { installPageHook } from '../../src/capture/install-page-hook';

const clock = performance;
const stages: [string, number][] = [];
let last = clock.now();
installPageHook(window, (stage) => {
  stages[stages.length] = [stage, clock.now() - last];
  // Read again, so that keeping the time is not counted in the next stage.
  last = clock.now();
});
(window as unknown as { __sseLensHookStages: [string, number][] }).__sseLensHookStages = stages;
