"""Styles for a projector: one screen at 1280x720 and up, large type, high contrast.

The workshop is a three-column grid as high as the window (minus the header
and tabs): nothing below the fold. Columns scroll inside themselves if a
panel is long, never the page. `.lmx-present` (``?present=1`` or the "Large
text" box) enlarges type for the back row.
"""

CSS = """
.lmx-app { font-size: 16px; color: #1B2A41; padding: 0 10px; }
.lmx-header { padding: 2px 4px; border-bottom: 3px solid #1B2A41; min-height: 44px; }
.lmx-title { font-size: 24px; font-weight: 700; }
.lmx-stage {
  display: grid; gap: 10px; margin-top: 4px;
  grid-template-columns: minmax(290px, 23fr) minmax(0, 44fr) minmax(330px, 33fr);
  height: calc(100vh - 118px); min-height: 0;
}
.lmx-stage.lmx-with-twin { grid-template-columns: minmax(280px, 20fr) minmax(0, 52fr) minmax(300px, 28fr); }
.lmx-stage.lmx-wide { grid-template-columns: minmax(290px, 23fr) minmax(0, 77fr); }
.lmx-left, .lmx-centre, .lmx-right {
  min-height: 0; min-width: 0; display: flex; flex-direction: column; overflow: hidden;
}
.lmx-left { overflow-y: auto; }
.lmx-left .lmx-play { position: sticky; top: 0; z-index: 3; }
.lmx-side-tabs .v-tab { font-size: 14px; text-transform: none; min-width: 0; padding: 0 6px; }
.lmx-tab-body { padding: 6px 4px; }
.lmx-tab-body .v-select, .lmx-tab-body .v-input { margin-top: 0; padding-top: 4px; }
.lmx-tab-body .v-text-field__details { display: none; }
.lmx-interventions .lmx-big-button { margin: 4px 0 6px 0; }
.lmx-centre.lmx-scroll { overflow-y: auto; }
.lmx-view-bar { flex: 0 0 auto; gap: 14px; flex-wrap: wrap; }
.lmx-view-bar .v-input--selection-controls { margin-top: 0; padding-top: 0; }
.lmx-view-bar .v-input__slot { margin-bottom: 0; }
.lmx-view-bar .v-messages { display: none; }
.lmx-centre > .lmx-drawing { flex: 1 1 0; min-height: 0; display: flex; justify-content: center; }
.lmx-centre > .lmx-drawing svg { height: 100%; width: 100%; display: block; }
.lmx-pair { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; flex: 1 1 0; min-height: 0; }
.lmx-pair .lmx-drawing { min-height: 0; }
.lmx-pair .lmx-drawing svg { width: 100%; height: auto; max-height: 100%; display: block; }
.lmx-right .lmx-person-chart { flex: 0 0 auto; }
.lmx-person-chart svg { display: block; max-height: 46vh; }
.lmx-narration { flex: 1 1 auto; min-height: 0; overflow: hidden; margin-top: 6px; display: flex;
  flex-direction: column; }
.lmx-narration > .v-card__text { display: flex; flex-direction: column; flex: 1 1 0; min-height: 0;
  padding: 8px 10px; }
.lmx-narration .lmx-log { flex: 1 1 0; min-height: 0; overflow-y: auto; }
.lmx-log-story .lmx-log-line { margin-bottom: 2px; }
.lmx-log-history-title { font-weight: 700; font-size: 0.85em; color: #555; margin-top: 8px;
  border-top: 1px solid #ccc; padding-top: 4px; }
.lmx-log-history .lmx-log-line { font-size: 0.85em; font-weight: 400; }
.lmx-log-line .lmx-log-group { font-weight: 700; }
.lmx-log-line .lmx-log-intervention { font-weight: 700; color: #7B3FA0; }
.lmx-log-line .lmx-log-claim { font-style: italic; color: #1E5631; }
.lmx-log-line .lmx-log-fire { color: #8B1A1A; }
.lmx-card-title { font-size: 19px; font-weight: 700; }
.lmx-fire-filter, .lmx-present-toggle { margin-top: 0 !important; padding-top: 0 !important; }
.lmx-fire-filter .v-messages, .lmx-present-toggle .v-messages { display: none; }
.lmx-week {
  font-size: 30px; font-weight: 800; color: #1B2A41 !important; display: block; line-height: 1.1;
}
.lmx-play { padding: 6px 10px !important; margin-bottom: 4px; }
.lmx-card .v-card__title { font-size: 19px; font-weight: 700; padding: 6px 10px; }
.lmx-big-button { font-size: 15px !important; height: 40px !important; text-transform: none !important; }
.lmx-label { font-weight: 700; display: block; margin-top: 8px; }
.lmx-story { font-size: 17px; line-height: 1.4; display: block; }
.lmx-help { font-size: 14px; color: #555; display: block; margin: 2px 0 6px 0; }
.lmx-muted { font-size: 14px; color: #555; display: block; }
.lmx-end { margin: 6px 0 0 0 !important; font-size: 15px; }
.lmx-knob { margin: 4px 0 6px 0; cursor: help; }
.lmx-knob-head, .lmx-knob-ends, .lmx-week-row { display: flex; justify-content: space-between; }
.lmx-week-row { align-items: baseline; }
.lmx-knob-head { font-weight: 700; font-size: 15px; }
.lmx-knob-value { font-variant-numeric: tabular-nums; font-weight: 800; }
.lmx-knob .v-input { margin-top: 0 !important; padding-top: 0 !important; }
.lmx-knob .v-messages, .lmx-knob .v-text-field__details { display: none; }
.lmx-knob .v-input__slot { margin-bottom: 0 !important; }
.lmx-knob-ends { font-size: 13px; color: #555; margin-top: -6px; }
.lmx-log-line { font-size: 16px; display: block; line-height: 1.3; color: rgba(0, 0, 0, 0.87); }
.lmx-plan { font-size: 15px; display: block; }
.lmx-charts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; }
@media (max-width: 1700px) { .lmx-charts { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.lmx-drawing .lmx-member:hover circle { filter: brightness(1.15); }
.lmx-info { font-size: 16px; line-height: 1.45; max-width: 60em; }
.lmx-info h2 { font-size: 22px; margin: 12px 0 4px 0; }
.lmx-info h3 { font-size: 18px; margin: 10px 0 2px 0; }
.lmx-present { font-size: 20px; }
.lmx-present .lmx-title { font-size: 30px; }
.lmx-present .lmx-week { font-size: 40px; }
.lmx-present .lmx-log-line, .lmx-present .lmx-story { font-size: 21px; }
.lmx-present .lmx-big-button { font-size: 18px !important; height: 46px !important; }
.lmx-present .lmx-knob-head { font-size: 18px; }
.lmx-present .lmx-knob-ends, .lmx-present .lmx-help, .lmx-present .lmx-muted { font-size: 16px; }
.lmx-present .lmx-info { font-size: 20px; }
.lmx-present .lmx-side-tabs .v-tab { font-size: 17px; }
.lmx-legend-html { flex: 0 0 auto; font-size: 19px; line-height: 1.25; color: #222; padding: 2px 8px; }
.lmx-legend-groups { display: flex; gap: 18px; flex-wrap: wrap; }
.lmx-legend-dot { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 6px; }
.lmx-legend-ring { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 6px;
  border: 3px solid #FFC20A; vertical-align: -0.05em; }
.lmx-present .lmx-person-chart svg { max-height: 42vh; }
.lmx-pair-title { font-size: 19px; font-weight: 700; line-height: 1.2; }
@media (min-width: 1700px) { .lmx-legend-html, .lmx-pair-title { font-size: 23px; } }
@media (max-height: 800px) {  /* present mode at 1280x720: the whole story still fits its column */
  .lmx-present .lmx-big-button { font-size: 16px !important; height: 38px !important;
    padding: 0 10px !important; }
  .lmx-present .lmx-week { font-size: 32px; }
  .lmx-present .lmx-story { font-size: 18px; line-height: 1.3; }
  .lmx-present .lmx-log-line { font-size: 19px; }
  .lmx-present .lmx-side-tabs .v-tab { font-size: 16px; }
  .lmx-present .lmx-help, .lmx-present .lmx-muted { font-size: 15px; line-height: 1.25; }
  .lmx-present .lmx-knob-head { font-size: 16px; }
  .lmx-present .lmx-knob-ends { font-size: 14px; }
  /* the settings tab's eight knobs: the projector shows the picture, not these */
  .lmx-present .lmx-tab-body .lmx-knob-head { font-size: 14px; }
  .lmx-present .lmx-tab-body .lmx-knob-ends { font-size: 12px; }
  .lmx-present .lmx-tab-body > .lmx-muted { font-size: 13px; }
}
@media (max-height: 800px) {
  .lmx-person-chart svg { max-height: 27vh; }
  .lmx-log-line { line-height: 1.22; }
}
@media (max-width: 1400px) {
  .lmx-stage { grid-template-columns: 340px minmax(0, 1fr) 380px; }
  .lmx-stage.lmx-with-twin { grid-template-columns: 330px minmax(0, 1fr) 330px; }
  .lmx-stage.lmx-wide { grid-template-columns: 340px minmax(0, 1fr); }
  .lmx-knob { margin: 0 0 2px 0; }
  .lmx-knob-head { font-size: 14px; }
  .lmx-knob .v-slider--horizontal { min-height: 22px !important; margin: 0 6px !important; }
  .lmx-knob .v-input__slot, .lmx-knob .v-input__control { min-height: 22px !important; height: 22px; }
  .lmx-knob-head { line-height: 1.2; }
  .lmx-knob-ends { font-size: 12px; margin-top: -2px; line-height: 1.2; }
  .lmx-tab-body { padding: 2px 4px; }
  .lmx-tab-body .lmx-file-drop { min-height: 40px; padding: 6px; margin: 2px 0; font-size: 14px; }
  .lmx-tab-body > .lmx-label { margin-top: 2px; font-size: 14px; line-height: 1.2; }
  .lmx-tab-body > .lmx-muted { font-size: 13px; line-height: 1.25; }
  .lmx-title { font-size: 20px; }
  .lmx-week { font-size: 26px; }
  .lmx-big-button { font-size: 14px !important; height: 36px !important; padding: 0 10px !important; }
  .lmx-log-line { font-size: 15px; }
}
"""
