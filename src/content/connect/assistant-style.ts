/**
 * The assistant's shadow-root styles. Colours come from the page's text colour (`currentColor`)
 * mixed with a transparent background, so the pane fits the console's light and dark themes;
 * the focus ring and the note's accent have >= 3:1 contrast on both.
 */
export const ASSISTANT_STYLE = `
:host { all: initial; display: block; margin: 6px 0 0; color: inherit;
  font: 400 12.5px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
button, a.button { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
  padding: 3px 9px; border-radius: 6px; color: inherit; font: inherit; font-weight: 500; white-space: nowrap;
  border: 1px solid color-mix(in srgb, currentColor 32%, transparent);
  background: color-mix(in srgb, currentColor 6%, transparent); }
button:hover, a.button:hover { background: color-mix(in srgb, currentColor 14%, transparent); }
button:focus-visible, a.button:focus-visible, input:focus-visible { outline: 2px solid #8b5cf6; outline-offset: 2px; }
button.doctor-link { border: 0; background: none; margin-inline-start: 6px; padding: 3px 4px; font-weight: 400;
  text-decoration: underline; text-underline-offset: 2px; }
button.doctor-link:hover { background: color-mix(in srgb, currentColor 8%, transparent); }
.toggle::before { content: "▸"; font-size: 10px; }
.toggle[aria-expanded=true]::before { content: "▾"; }
.panel { margin-top: 6px; padding: 10px 12px; border-radius: 8px; display: grid; gap: 10px; max-width: 760px;
  border: 1px solid color-mix(in srgb, currentColor 22%, transparent);
  background: color-mix(in srgb, currentColor 4%, transparent); }
.panel[hidden] { display: none; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 6px; min-width: 0; }
legend { padding: 0; margin-bottom: 4px; font-weight: 650; }
label { display: inline-flex; flex-direction: column; gap: 2px; font-size: 11.5px; min-width: 0; }
input { box-sizing: border-box; font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: inherit;
  background: color-mix(in srgb, currentColor 4%, transparent); border: 1px solid color-mix(in srgb, currentColor 38%, transparent);
  border-radius: 5px; padding: 4px 6px; min-width: 0; width: 220px; }
input.port { width: 90px; }
input[aria-invalid=true] { border-color: color-mix(in srgb, #e5484d 70%, currentColor); }
.note { margin: 0; padding: 6px 8px; border-radius: 6px; border-left: 3px solid #8b5cf6;
  background: color-mix(in srgb, #8b5cf6 10%, transparent); }
.status { min-height: 1.2em; }
.status[data-kind=error] { color: color-mix(in srgb, #e5484d 60%, currentColor); }
pre { margin: 0; padding: 6px 8px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere;
  font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: color-mix(in srgb, currentColor 7%, transparent); }
pre:empty, .add-first[hidden] { display: none; }
.add-first { display: grid; gap: 6px; }
`;
