/** The panel's stylesheet (inside its shadow root, so neither side's CSS leaks into the other). */
export const PANEL_CSS = `
:host { all: initial; display: block; margin: 8px 0 16px; }
.rpk {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d0d7de; --soft: #f6f8fa;
  --err: #cf222e; --err-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5; --ok: #1a7f37; --ok-bg: #dafbe1;
  --info: #0969da; --info-bg: #ddf4ff; --accent: #6d4aff; --focus: #6d4aff;
  font: 13px/1.45 var(--font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 8px;
  padding: 10px 12px; box-sizing: border-box; max-width: 100%;
}
.rpk[data-theme=dark] {
  --bg: #17171c; --fg: #e6e6eb; --muted: #a0a0ab; --border: #34343d; --soft: #22222a;
  --err: #ff7b72; --err-bg: #3a1d1f; --warn: #e3b341; --warn-bg: #34290f; --ok: #56d364; --ok-bg: #12301a;
  --info: #79c0ff; --info-bg: #112540; --accent: #a78bfa; --focus: #b69cff;
}
* { box-sizing: border-box; }
.head { display: flex; align-items: center; gap: 8px; font-weight: 600; }
.dot { width: 9px; height: 9px; border-radius: 50%; background: var(--muted); flex: none; }
.rpk[data-state=ok] .dot { background: var(--ok); }
.rpk[data-state=warning] .dot { background: var(--warn); }
.rpk[data-state=error] .dot { background: var(--err); }
.head .title { flex: 1; }
.brand { font-weight: 400; color: var(--muted); font-size: 12px; }
ul { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 6px; }
.finding { display: grid; grid-template-columns: auto 1fr auto; gap: 4px 10px; align-items: start;
  padding: 7px 9px; border-radius: 6px; background: var(--soft); border-left: 3px solid var(--muted); }
.finding[data-severity=error] { border-left-color: var(--err); background: var(--err-bg); }
.finding[data-severity=warning] { border-left-color: var(--warn); background: var(--warn-bg); }
.finding[data-severity=info] { border-left-color: var(--info); background: var(--info-bg); }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding-top: 1px; }
.finding[data-severity=error] .sev { color: var(--err); }
.finding[data-severity=warning] .sev { color: var(--warn); }
.finding[data-severity=info] .sev { color: var(--info); }
.msg { word-break: break-word; }
.loc { color: var(--muted); margin-right: 4px; }
.hintcmd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
button {
  font: inherit; font-size: 12px; font-weight: 600; color: var(--fg); background: var(--bg);
  border: 1px solid var(--border); border-radius: 6px; padding: 3px 10px; cursor: pointer; white-space: nowrap;
}
button:hover { border-color: var(--accent); color: var(--accent); }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
button.primary:hover { filter: brightness(1.1); color: var(--bg); }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; align-items: center; }
.actions:empty { display: none; }
.fixed { margin-top: 8px; padding: 6px 9px; border-radius: 6px; background: var(--ok-bg); display: flex; gap: 10px; align-items: center; }
.fixed[hidden] { display: none; }
.fixed .text { flex: 1; }
.keys .key { padding: 7px 9px; border-radius: 6px; background: var(--soft); display: grid; grid-template-columns: 1fr auto; gap: 2px 10px; }
.key .meta { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.key .type { font-weight: 700; }
.key .bits, .key .line { color: var(--muted); }
.key .comment { word-break: break-all; }
.key .fp { grid-column: 1 / -1; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); word-break: break-all; }
.key pre { grid-column: 1 / -1; margin: 6px 0 0; font: 12px/1.15 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--fg); }
.key pre[hidden] { display: none; }
.notes { margin: 8px 0 0; padding: 0; color: var(--muted); font-size: 12px; display: grid; gap: 2px; }
.notes p { margin: 0; }
.foot { margin-top: 6px; display: flex; justify-content: flex-end; }
button.doctor-link { border: 0; background: none; padding: 1px 2px; font-weight: 500; color: var(--accent);
  text-decoration: underline; text-underline-offset: 2px; }
button.doctor-link:hover { color: var(--fg); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.guard { margin-top: 10px; padding: 10px; border-radius: 6px; border: 1px solid var(--err); background: var(--err-bg); }
.guard[hidden] { display: none; }
.guard p { margin: 0 0 8px; font-weight: 600; }
.more { color: var(--muted); font-size: 12px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
@media (prefers-reduced-motion: no-preference) { button { transition: border-color .12s, color .12s; } }
`;
