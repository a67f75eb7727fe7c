// Default accent: a store-neutral dark teal (white text 7.3:1); dark mode lifts it for the dark card.
// :host rules are !important: in the cascade a shadow root's important rules beat the page's, so a
// theme's `div:empty{display:none}` or `body.x div{display:none!important}` cannot hide our element.
// .card starts from all:initial: a store's `*{letter-spacing:…}` beats :host and would be inherited.
// A store may set --touchpoint-font, --touchpoint-radius and --touchpoint-z on the page: custom
// properties inherit into the shadow root (all:initial leaves them alone); colours stay ours.
// --tp-left/right/bottom: how far the visible screen is inside the layout viewport (follow-viewport.ts).
// Every text colour here is ≥ 4.5:1 on its background, light and dark; the focus ring is the text colour.
// Safari before 15.4 drops every rule that names :focus-visible, and the radios are invisible
// (opacity 0): so a focused option gets its ring from :focus, and only a rule those browsers drop
// takes it away again after a click. (Buttons and the text box keep their native ring there.)
// A card prepared ahead (open-survey.tsx) waits inert: unseen, and its entrance starts when it is shown.
// The scale keeps 12px from the question (on .options: `.card *` resets a margin on the legend): the 3px
// focus ring with its 2px offset then leaves 7px clear of the text.
export const CSS = `:host{all:initial!important;display:block!important}:host([data-floating]){display:contents!important}
.card{all:initial;display:block;--accent:#0f5e6e;--on-accent:#fff;--bg:#fff;--fg:#1b1c1f;--muted:#53565c;--border:#7d828a;position:relative;box-sizing:border-box;max-width:360px;padding:16px;background:var(--bg);color:var(--fg);border:1px solid var(--border);border-radius:var(--touchpoint-radius,12px);box-shadow:0 6px 24px rgba(0,0,0,.18);font:14px/1.45 var(--touchpoint-font,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif);text-align:start;animation:tp .2s ease-out}
.card *{box-sizing:border-box;margin:0}.card button,.card input{font:inherit;color:inherit}
.floating{position:fixed;bottom:calc(16px + var(--tp-bottom,0px));right:calc(16px + var(--tp-right,0px));z-index:var(--touchpoint-z,2147483000);width:calc(100vw - 32px)}.floating.at-left{right:auto;left:calc(16px + var(--tp-left,0px))}.corner{position:fixed;right:0;bottom:0;width:0;height:0}
fieldset{border:0;padding:0;min-width:0}legend,.thank-you{padding:0;padding-inline-end:32px;font-weight:600;font-size:15px}
.options{display:grid;gap:4px;margin-top:12px}.option{position:relative;display:block;cursor:pointer}
.option input{position:absolute;inset:0;width:100%;height:100%;opacity:0;cursor:pointer}
.option>span{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:2px;min-height:36px;padding:4px 0;border:1px solid var(--border);border-radius:8px;font-size:13px;line-height:1.2;text-align:center}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.option:hover>span{border-color:var(--fg)}.option input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.option input:focus+span{outline:3px solid var(--fg);outline-offset:2px}.option input:focus:not(:focus-visible)+span{outline:0}
.card button:focus-visible,.comment:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:6px;font-size:12px;color:var(--muted)}.ends.named{justify-content:center;font-weight:600;color:var(--fg)}
.mood-1{color:#b3261e}.mood-2{color:#b45309}.mood-3{color:#5f6368}.mood-4{color:#3b7d1e}.mood-5{color:#0b7a53}.option input:checked+span svg{color:var(--on-accent)}
.follow-up{margin-top:14px}.follow-up label{display:block;margin-bottom:4px}.follow-up small{color:var(--muted);font-size:12px}.follow-up-row{display:flex;gap:8px}
.comment{flex:1;min-width:0;padding:8px 10px;background:var(--bg);border:1px solid var(--border);border-radius:8px}
.send{padding:8px 16px;background:var(--accent);color:var(--on-accent)!important;border:0;border-radius:8px;font-weight:600!important;cursor:pointer}
.close{position:absolute;top:8px;inset-inline-end:8px;display:grid;place-items:center;width:32px;height:32px;padding:0;background:none;border:0;border-radius:6px;color:var(--muted)!important;cursor:pointer}.close:hover{background:rgba(128,128,128,.18)}
.thank-you{margin:4px 0}.card:focus{outline:0}:host([inert]) .card{visibility:hidden;animation:none}
@media (max-width:599px){.floating,.floating.at-left{left:var(--tp-left,0px);right:var(--tp-right,0px);bottom:var(--tp-bottom,0px);width:auto;max-width:none;border-width:1px 0 0;border-radius:var(--touchpoint-radius,12px) var(--touchpoint-radius,12px) 0 0;padding-bottom:max(16px,env(safe-area-inset-bottom))}.comment{font-size:16px}}
@media (prefers-color-scheme:dark){.card{--accent:#6fd3e0;--on-accent:#000;--bg:#1d1f23;--fg:#f2f3f5;--muted:#b9bcc2;--border:#8b9099;box-shadow:0 6px 24px rgba(0,0,0,.5)}.mood-1{color:#ff8a80}.mood-2{color:#ffb74d}.mood-3{color:#c4c7cc}.mood-4{color:#aee27a}.mood-5{color:#5fdca0}}
@media (forced-colors:active){.option input:checked+span{forced-color-adjust:none;background:Highlight;color:HighlightText}}
@media (prefers-reduced-motion:reduce){.card,.card *{animation:none!important;transition:none!important}}
@keyframes tp{from{opacity:0;transform:translateY(8px)}}`

let sheet: CSSStyleSheet | undefined

/** The card's constructable stylesheet, parsed once per page (the warm-up may parse it at idle); throws where there are none. */
export function sharedSheet(): CSSStyleSheet {
  if (!sheet) {
    const made = new CSSStyleSheet()
    made.replaceSync(CSS)
    sheet = made
  }
  return sheet
}
