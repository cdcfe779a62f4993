"""Styles for a projector: large type, high contrast, generous buttons."""

CSS = """
.lmx-app { font-size: 17px; color: #1B2A41; padding: 4px 12px; }
.lmx-header { padding: 6px 4px; border-bottom: 3px solid #1B2A41; }
.lmx-title { font-size: 28px; font-weight: 700; }
.lmx-week {
  font-size: 34px; font-weight: 800; color: #1B2A41 !important; display: block; margin-bottom: 6px;
}
.lmx-card .v-card__title { font-size: 21px; font-weight: 700; }
.lmx-big-button { font-size: 16px !important; height: 44px !important; text-transform: none !important; }
.lmx-label { font-weight: 700; display: block; margin-top: 10px; }
.lmx-story { font-size: 18px; line-height: 1.45; display: block; }
.lmx-help { font-size: 14px; color: #555; display: block; margin: -12px 0 10px 0; }
.lmx-muted { font-size: 14px; color: #666; display: block; }
.lmx-selected {
  font-size: 18px; font-weight: 700; color: #1B2A41 !important; display: block; text-align: center;
}
.lmx-log-line { font-size: 17px; display: block; line-height: 1.35; }
.lmx-plan { font-size: 16px; display: block; }
.lmx-charts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; }
.lmx-drawing svg, .lmx-team-svg { max-width: 720px; display: block; margin: 0 auto; }
.lmx-drawing .lmx-member:hover circle { filter: brightness(1.15); }
.v-slider__thumb-label { font-size: 13px; }
"""
