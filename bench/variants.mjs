// What differs between the bench's page variants: the tag pasted in the store's <head>, how to
// show the survey, how to find the painted card and how to answer it. Everything else (the page,
// the server, the measurements) is shared, so the numbers compare like with like.

/**
 * The demo store's pages the bench loads, by what touchpoint's default plan does on each:
 * - product: an emotion survey is armed (dwell, exit intent), so the UI is prefetched at idle;
 *   the survey is also shown by code, answered and sent here;
 * - home: nothing is armed, so no survey can show and nothing more is fetched;
 * - confirmation: a CSAT survey is armed to show by itself 3 s after the page view.
 */
export const PAGES = {
  product: '/product/linen-shirt/',
  home: '/',
  confirmation: '/checkout/order-received/1234/?key=wc_order_Qx7pL2mA9fKc',
}
export const POSTHOG_TOKEN = 'phc_bench'

// PostHog's remote config as its servers send it for a project with surveys on and nothing else.
export const posthogConfig = {
  supportedCompression: ['gzip', 'gzip-js'],
  analytics: { endpoint: '/i/v0/e/' },
  surveys: true,
  hasFeatureFlags: true,
  heatmaps: false,
  sessionRecording: false,
  autocapture_opt_out: true,
  captureDeadClicks: false,
  autocaptureExceptions: false,
  toolbarParams: {},
  isAuthenticated: false,
  siteApps: [],
}

// An NPS with an optional follow-up line: the same survey touchpoint's show('nps') opens.
export const SURVEY = {
  id: 'bench-nps',
  name: 'NPS',
  type: 'popover',
  questions: [
    {
      type: 'rating',
      id: 'q-score',
      question: 'How likely are you to recommend us to a friend?',
      scale: 10,
      display: 'number',
      lowerBoundLabel: 'Not at all likely',
      upperBoundLabel: 'Extremely likely',
    },
    { type: 'open', id: 'q-comment', question: 'What did you like most?', optional: true },
  ],
  conditions: null,
  appearance: null,
  start_date: '2026-01-01T00:00:00Z',
  end_date: null,
  current_iteration: null,
  current_iteration_start_date: null,
  linked_flag_key: null,
  targeting_flag_key: null,
  internal_targeting_flag_key: null,
  feature_flag_keys: [],
}

// Surveys only: everything a surveys-only install can turn off is off. Headless Chromium reports
// navigator.webdriver, so the bot filter must be off for PostHog to send anything at all.
const SURVEYS_ONLY = {
  autocapture: false,
  capture_pageview: false,
  capture_pageleave: false,
  disable_session_recording: true,
  enable_heatmaps: false,
  capture_dead_clicks: false,
  capture_exceptions: false,
  opt_out_useragent_filter: true,
}

// api_host is the page's own origin (the server's port is known only at run time): a placeholder
// that variantTag() turns into `location.origin`.
const ORIGIN = '__ORIGIN__'

// PostHog's own snippet (as its docs give it, unminified): a stub that queues calls and injects
// {api_host}/static/array.js, then init().
const posthogSnippet = (options) => `<script>
!function(doc, ph){if(ph.__SV)return;window.posthog=ph;ph._i=[];ph.init=function(token, config, name){
function stub(target, method){target[method]=function(){target.push([method].concat(Array.prototype.slice.call(arguments,0)))}}
var script=doc.createElement('script');script.type='text/javascript';script.crossOrigin='anonymous';script.async=true;
script.src=config.api_host+'/static/array.js';var first=doc.getElementsByTagName('script')[0];first.parentNode.insertBefore(script,first);
var instance=ph;if(name!==undefined){instance=ph[name]=[]}else{name='posthog'}instance.people=instance.people||[];
var methods='init capture register register_once unregister identify alias reset opt_in_capturing opt_out_capturing getFeatureFlag isFeatureEnabled onFeatureFlags getSurveys getActiveMatchingSurveys renderSurvey displaySurvey canRenderSurvey'.split(' ');
for(var i=0;i<methods.length;i++)stub(instance,methods[i]);ph._i.push([token,config,name])};ph.__SV=1}(document,window.posthog||[]);
posthog.init(${JSON.stringify(POSTHOG_TOKEN)}, ${JSON.stringify({ api_host: ORIGIN, ...options })})
</script>`

// The floor: the least any widget could do at show(). A small card, rendered, styled and laid out
// since the page's first frames (fixed in a corner, transparent), that show() makes opaque: one
// element restyled, nothing rendered, nothing fetched. Measured over the same span as the widgets
// (the bench's own timer, marks, frame callbacks and layout reads), it is what that span costs with
// nothing to do; what a widget costs above it is its own.
const floorTag = `<script>
addEventListener('DOMContentLoaded', function () {
  var host = document.createElement('div')
  host.setAttribute('data-bench-floor', '')
  host.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483000'
  var card = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'))
  card.setAttribute('role', 'dialog')
  card.style.cssText = 'opacity:0;width:320px;padding:16px;background:#fff;border:1px solid #888;font:14px system-ui'
  card.textContent = 'How likely are you to recommend us to a friend?'
  document.body.appendChild(host)
  window.benchFloor = { show: function () { card.style.opacity = '1' } }
})
</script>`

const TAGS = {
  none: '',
  floor: floorTag,
  touchpoint: '<script src="/touchpoint.js" data-endpoint="/collect" async></script>',
  posthog: posthogSnippet(SURVEYS_ONLY),
  'posthog-defaults': posthogSnippet({ opt_out_useragent_filter: true }),
}

export const VARIANTS = Object.keys(TAGS)

/** The tag for `?v=<variant>`; the store page without any widget for an unknown one. */
export const variantTag = (name) => (TAGS[name] || '').replace('"__ORIGIN__"', 'location.origin')

/** Per widget: how the bench shows, finds and answers the survey (run inside the page or by Playwright). */
export const WIDGETS = {
  touchpoint: {
    ready: () => !!(window.touchpoint && window.touchpoint.version),
    show: () => window.touchpoint.show('nps'),
    // The survey the default plan arms on the product page (emotion: dwell, exit intent), whose
    // card is prepared unseen at idle; a trigger would open it the same way.
    showArmed: () => window.touchpoint.show('emotion'),
    prepared: () => [...document.body.children].some((el) => el.hasAttribute('inert') && !!el.shadowRoot),
    card: () => {
      const host = document.querySelector('[data-touchpoint-survey]')
      return host && host.shadowRoot && host.shadowRoot.querySelector('[role=dialog]')
    },
    async answer(page) {
      const card = page.getByRole('dialog')
      await card.getByRole('radio', { name: '9', exact: true }).check()
      await card.getByRole('button', { name: 'Send' }).click()
    },
  },
  floor: {
    ready: () => !!window.benchFloor,
    show: () => window.benchFloor.show(),
    showArmed: () => window.benchFloor.show(),
    card: () => {
      const host = document.querySelector('[data-bench-floor]')
      return host && host.shadowRoot && host.shadowRoot.querySelector('[role=dialog]')
    },
  },
  posthog: {
    ready: () => !!(window.posthog && window.posthog.__loaded),
    show: () =>
      window.posthog.displaySurvey('bench-nps', { displayType: 'popover', ignoreConditions: true, ignoreDelay: true }),
    card: () => {
      const host = document.querySelector('.PostHogSurvey-bench-nps')
      return host && host.shadowRoot && host.shadowRoot.querySelector('.survey-form')
    },
    async answer(page) {
      const form = page.locator('.PostHogSurvey-bench-nps .survey-form')
      await form.getByRole('button', { name: 'Rate 9', exact: true }).click()
      await form.locator('.form-submit').click()
      // The optional follow-up line: sent empty, as most shoppers do.
      await form.locator('textarea').waitFor()
      await form.locator('.form-submit').click()
    },
  },
}
