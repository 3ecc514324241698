export { buildReport, REPORT_CHARTS, type ReportInput, type ReportIntensity } from './build.js';
export type { Block, Card, ReportDoc, Section } from './doc.js';
export { renderReportHtml } from './html.js';
export { renderReportMarkdown } from './markdown.js';
export { barChart, type BarChartSpec } from './svg/bar.js';
export { donutChart, type DonutSpec } from './svg/donut.js';
export { lineChart, type LineChartSpec } from './svg/line.js';
export { pathwaySection, PATHWAY_CHARTS, type ReportPathway } from './pathway.js';
export { nonFossilSection, NON_FOSSIL_CHART, type ReportNonFossil } from './non-fossil.js';
