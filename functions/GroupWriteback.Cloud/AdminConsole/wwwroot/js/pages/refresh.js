import { notice } from '../dom.js';

// Re-renders a page every few seconds while it is shown; the router calls the returned function to stop.
// Keyboard focus survives a redraw: the element with the same id is focused again.
export function every(milliseconds, redraw) {
  let timer = null;
  let stopped = false;
  const draw = async () => {
    const focused = document.activeElement?.id;
    await redraw();
    if (focused) document.getElementById(focused)?.focus();
  };
  const run = async () => {
    try {
      await draw();
    } catch (error) {
      // The page keeps what it last showed; the next round tries again.
      notice(`Refresh failed: ${error.message}`, true);
    } finally {
      if (!stopped) timer = setTimeout(run, milliseconds);
    }
  };
  return {
    start: async () => {
      await draw();
      if (!stopped) timer = setTimeout(run, milliseconds);
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
