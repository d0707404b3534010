// `/widget.js`: one global, `WeeklyFaqWidget`, and an automatic start from the script tag's
// data attributes (`data-manual` skips it: call `WeeklyFaqWidget.init(options)` instead).
import { createWidget, type Widget, type WidgetOptions } from './create-widget.ts';
import { getScriptOptions } from './get-script-options.ts';

declare global {
  interface Window {
    WeeklyFaqWidget?: { init(options?: WidgetOptions): Widget };
  }
}

const script = document.currentScript as HTMLScriptElement | null;
const defaults = script ? getScriptOptions(script) : {};

window.WeeklyFaqWidget = {
  /** Start a widget; `api` defaults to the origin this script came from. Returns `{ open, close, destroy }`. */
  init: (options = {}) => createWidget({ ...defaults, container: undefined, ...options }),
};

if (script && script.dataset.manual === undefined) {
  const start = () => {
    try {
      createWidget(defaults);
    } catch (error) {
      // never break the host page: say what is wrong and stay out of the way
      console.error(error instanceof Error ? error.message : error);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
