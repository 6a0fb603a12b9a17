/* Styles for our shadow roots (the button and the panel). Kept in a <style> inside each shadow
 * root, so the page's CSS cannot reach in and ours cannot leak out. Calm colours with 4.5:1
 * contrast or more, a visible focus ring, and respect for reduced motion and dark mode. */
'use strict';

(function (ns) {
  const BUTTON_CSS = `
    :host { all: initial; display: inline-flex; vertical-align: middle; margin: 0 6px; }
    button {
      font: 500 13px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      display: inline-flex; align-items: center; gap: 6px; cursor: pointer;
      padding: 6px 10px; border-radius: 16px; border: 1px solid #0f766e;
      background: #f0fdfa; color: #0f4f4a; white-space: nowrap;
    }
    button:hover { background: #ccfbf1; }
    button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
    button[aria-expanded="true"] { background: #0f766e; color: #fff; }
    svg { width: 14px; height: 14px; flex: none; }
  `;

  const PANEL_CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .panel {
      position: fixed; z-index: 2147483000; width: 380px; max-width: calc(100vw - 16px);
      max-height: min(620px, calc(100vh - 16px)); overflow: auto;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933;
      background: #fff; border: 1px solid #cbd2d9; border-radius: 12px;
      box-shadow: 0 12px 32px rgba(15, 23, 42, .18); padding: 14px 16px 16px;
      overflow-wrap: anywhere;
    }
    header { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
    h2 { font-size: 15px; margin: 0; font-weight: 650; outline: none; }
    h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #52606d; margin: 14px 0 6px; }
    p { margin: 4px 0; }
    button {
      font: inherit; cursor: pointer; border-radius: 8px; padding: 7px 12px;
      border: 1px solid #9aa5b1; background: #fff; color: #1f2933;
    }
    button:hover { background: #f5f7fa; }
    button.primary { background: #0f766e; border-color: #0f766e; color: #fff; font-weight: 600; }
    button.primary:hover { background: #115e59; }
    button.link { border: none; background: none; color: #0b5cad; padding: 2px 0; text-decoration: underline; }
    button.close { border: none; background: none; font-size: 20px; line-height: 1; padding: 2px 8px; color: #52606d; }
    button:focus-visible, input:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
      outline: 3px solid #2563eb; outline-offset: 2px;
    }
    /* The title takes focus when the panel opens, so screen readers start there; it is not a
       control, so it needs no ring. */
    h2[tabindex="-1"]:focus-visible { outline: none; }
    button[disabled] { opacity: .6; cursor: progress; }
    .who { font-weight: 600; }
    .muted { color: #52606d; font-size: 13px; }
    .timing { border-radius: 10px; padding: 10px 12px; margin: 10px 0; border: 1px solid; }
    .timing .title { font-weight: 650; font-size: 15px; }
    .tone-due { background: #ecfdf5; border-color: #6ee7b7; }
    .tone-late { background: #fff7ed; border-color: #fdba74; }
    .tone-early { background: #eff6ff; border-color: #93c5fd; }
    .tone-done { background: #f5f7fa; border-color: #cbd2d9; }
    .draft-subject { font-weight: 600; margin: 2px 0 6px; }
    .draft-body {
      white-space: pre-wrap; background: #f8fafc; border: 1px solid #e4e7eb; border-radius: 8px;
      padding: 8px 10px; max-height: 210px; overflow: auto; font-size: 13.5px;
    }
    code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: rgba(15, 23, 42, .07); padding: 1px 4px; border-radius: 4px; }
    mark { background: #fde68a; color: inherit; border-radius: 2px; }
    fieldset { border: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
    fieldset label { display: inline-flex; align-items: center; gap: 4px; margin: 0; font-size: 13px; }
    input[type="radio"] { width: auto; margin: 0; accent-color: #0f766e; }
    legend { font-size: 13px; color: #52606d; padding: 0; margin-bottom: 2px; }
    ul { list-style: none; padding: 0; margin: 6px 0; }
    .finding { border-left: 4px solid #9aa5b1; padding: 4px 8px; margin: 6px 0; background: #fafbfc; }
    .finding.error { border-color: #b91c1c; }
    .finding.warning { border-color: #b45309; }
    .finding.info { border-color: #2563eb; }
    .sev { font-size: 12px; font-weight: 650; margin-right: 4px; }
    .error .sev { color: #b91c1c; } .warning .sev { color: #92400e; } .info .sev { color: #1d4ed8; }
    .quote { display: block; font-size: 13px; color: #323f4b; margin-top: 2px; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
    .actions:empty { display: none; }
    .footer {
      position: sticky; bottom: -16px; margin: 8px -16px -16px; padding: 2px 16px 14px;
      background: #fff; border-top: 1px solid #e4e7eb;
    }
    .footer:has(> .actions:empty):has(> .status:empty):has(> .alert:empty):has(> .confirm-slot:empty) { display: none; }
    .alert { background: #fef2f2; border: 1px solid #fca5a5; color: #7f1d1d; border-radius: 8px; padding: 8px 10px; margin: 8px 0; }
    .confirm { background: #fffbeb; border: 1px solid #fcd34d; border-radius: 8px; padding: 8px 10px; margin: 8px 0; }
    .status:empty, .alert:empty { display: none; }
    .status { color: #0f5132; background: #f0fdf4; border-radius: 8px; padding: 6px 10px; margin: 8px 0; }
    label { display: block; font-size: 13px; margin: 6px 0 2px; color: #323f4b; }
    input {
      font: inherit; width: 100%; padding: 6px 8px; border: 1px solid #9aa5b1; border-radius: 6px; color: #1f2933;
      background: #fff;
    }
    .choices li { margin: 4px 0; }
    .choices button { width: 100%; text-align: left; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media (prefers-color-scheme: dark) {
      .panel, .footer { background: #1f2933; color: #e4e7eb; border-color: #52606d; }
      h3, .muted, legend, label { color: #cbd2d9; }
      button { background: #323f4b; color: #f5f7fa; border-color: #7b8794; }
      button.link { color: #93c5fd; background: none; }
      .draft-body, .finding { background: #27323d; border-color: #52606d; }
      .tone-due { background: #0f3d2e; } .tone-late { background: #4a2a0a; } .tone-early { background: #102a4c; } .tone-done { background: #27323d; }
      input { background: #27323d; color: #f5f7fa; }
      .quote { color: #e4e7eb; }
    }
    @media (prefers-reduced-motion: no-preference) { .panel { animation: fa-in .12s ease-out; } }
    @keyframes fa-in { from { opacity: 0; transform: translateY(-4px); } to { opacity: 1; transform: none; } }
  `;

  ns.styles = { BUTTON_CSS, PANEL_CSS };
})((globalThis.FA = globalThis.FA || {}));
