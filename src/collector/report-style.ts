// The report page's only stylesheet (inline: the page's CSP allows no other source). Laid out
// for a laptop (1440 px) and a phone (375 px): nothing may be wider than the screen there.
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:#f4f6fa;color:#1d2330}
main{max-width:1440px;margin:0 auto;padding:20px 24px 40px}
header{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:flex-end;justify-content:space-between;margin-bottom:16px}
h1{margin:0;font-size:26px;letter-spacing:-.01em;line-height:1.2}
h2{font-size:16px;margin:0 0 8px}
.sub{margin:2px 0 0;color:#5a6478}
.nowrap{white-space:nowrap}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:8px 10px}
.tools form{display:flex;flex-wrap:wrap;align-items:center;gap:6px}
.tools label{white-space:nowrap}
.tools input{font:inherit;padding:4px 6px;border:1px solid #c8cfdc;border-radius:6px;max-width:150px}
.btn{display:inline-block;font:inherit;padding:5px 12px;border-radius:6px;border:1px solid #2c4a8c;background:#2c4a8c;color:#fff;text-decoration:none;cursor:pointer;white-space:nowrap}
.btn.ghost{background:#fff;color:#2c4a8c}
.lang a{color:#2c4a8c;text-decoration:none;padding:2px 6px;border-radius:4px}
.lang a[aria-current]{background:#2c4a8c;color:#fff}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 2px rgba(20,30,60,.08);padding:14px 16px;margin-bottom:14px;min-width:0}
.notice{margin:0 0 12px;padding:10px 14px;border-radius:8px}
.info{background:#eef4ff;border-left:5px solid #3b6fd8;color:#1d2f5c}
.notice.info{border-left:5px solid #3b6fd8}
.verdict .tag{font-weight:700;text-transform:uppercase;font-size:12px;letter-spacing:.06em;color:#3b6fd8}
.verdict p{margin:4px 0}
.fix{border-left:6px solid #b3261e;background:#fff6f5;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.4fr);gap:8px 24px}
.fix .tag{color:#b3261e}
.fix .name{font-size:22px;font-weight:700}
blockquote{margin:0 0 6px;padding:6px 10px;background:#fff;border-radius:6px;border:1px solid #f1d3cf;overflow-wrap:anywhere}
.kpis{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:14px;margin-bottom:14px}
.kpis .card{margin-bottom:0}
.kpi .label{color:#5a6478;font-size:12px;text-transform:uppercase;letter-spacing:.05em}
.kpi .value{font-size:26px;font-weight:700;margin-top:2px}
.kpi .note{color:#5a6478;font-size:12px}
.curve .note,.note{color:#5a6478;font-size:12px;margin:0 0 6px}
.chart{display:block;width:100%;height:auto}
.chart.narrow{display:none}
.grid{stroke:#e3e7ef}
.axis{fill:#8a93a6}
.stage-label{fill:#1d2330;font-weight:600}
.line-csat{stroke:#2c4a8c;color:#2c4a8c;stroke-width:3}
.line-emotion{stroke:#d9822b;color:#d9822b;stroke-width:3;stroke-dasharray:7 5}
.err{stroke-width:2;stroke-dasharray:none}
.dot{fill:#fff;stroke-width:3;stroke-dasharray:none}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:#5a6478;margin:4px 0}
.legend i{display:inline-block;width:12px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.legend i.line-csat{background:#2c4a8c;height:3px;vertical-align:3px}
.legend i.line-emotion{background:#d9822b;height:3px;vertical-align:3px}
.journey{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:12px;margin-bottom:14px}
.stage{background:#e6eaf2;border-radius:10px;padding:10px;min-width:0}
.stage>.head{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:10px;border-top:5px solid #9aa3b5}
.stage .step{color:#5a6478;font-size:11px;text-transform:uppercase;letter-spacing:.06em}
.stage h3{margin:0;font-size:17px}
.tp{background:#fff;border-radius:8px;padding:9px 11px;margin-bottom:8px;border-left:5px solid #9aa3b5}
.tp h4{margin:0 0 4px;font-size:14px;display:flex;justify-content:space-between;align-items:flex-start;gap:6px}
.tp.weakest{outline:3px solid #b3261e;outline-offset:-1px}
.badge{font-size:10px;font-weight:700;background:#b3261e;color:#fff;border-radius:10px;padding:1px 7px;white-space:nowrap}
.n{color:#5a6478;font-weight:400;font-size:12px}
.m{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:0 6px;margin:3px 0;font-size:13px}
.m.sub{margin-top:-2px}
.rate{font-size:12px;color:#3d4657;margin:2px 0 4px}
.caution{font-size:11px;color:#7a4f00;background:#fcefd2;border-radius:4px;padding:1px 6px;margin:4px 0 0;display:inline-block}
.chip{font-weight:700;border-radius:5px;padding:0 6px;white-space:nowrap}
.good{color:#136c3f;background:#dcf2e5;border-color:#1f8a53!important}
.fair{color:#7a4f00;background:#fcefd2;border-color:#d89b16!important}
.poor{color:#a1221b;background:#fde2df;border-color:#c8372d!important}
.none{color:#5a6478;background:#eef0f4}
.rb{position:relative;display:block;height:8px;margin:2px 0 6px;background:#eef0f4!important;border-radius:4px}
.rb .band{position:absolute;top:0;bottom:0;border-radius:4px;background:currentColor;opacity:.35}
.rb .tick{position:absolute;top:-2px;bottom:-2px;width:3px;margin-left:-1px;background:currentColor;border-radius:1px}
.bar{display:flex;height:10px;border-radius:5px;overflow:hidden;background:#eef0f4;margin:5px 0 2px}
.bar span{display:block;height:100%}
.e1{background:#d64545}.e2{background:#f08c4a}.e3{background:#b9bec8}.e4{background:#7cc47f}.e5{background:#2e9e5b}
.empty{color:#8a93a6;font-size:12px;font-style:italic;margin:4px 0}
.scroll{overflow-x:auto}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6eaf2;vertical-align:middle}
th{color:#3d4657;font-weight:600}
td.c{width:55%;overflow-wrap:anywhere}
.spark{width:160px;height:36px;display:block}
.spark-band{fill:#2c4a8c;opacity:.15}
.spark-line{stroke:#2c4a8c;stroke-width:2}
.spark-dot{fill:#2c4a8c}
.filter{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:0 0 10px}
.filter select,.filter input{font:inherit;padding:4px 6px;border:1px solid #c8cfdc;border-radius:6px;max-width:100%}
.themes a{color:#2c4a8c}
footer{margin-top:16px;color:#5a6478;font-size:12px}
footer h2{font-size:13px;margin:0 0 4px;color:#3d4657}
@media (max-width:1200px){.kpis{grid-template-columns:repeat(3,minmax(0,1fr))}.journey{grid-template-columns:repeat(3,minmax(0,1fr))}}
@media (max-width:900px){.journey,.kpis{grid-template-columns:repeat(2,minmax(0,1fr))}.fix{grid-template-columns:minmax(0,1fr)}}
@media (max-width:640px){
main{padding:14px 12px 32px}
h1{font-size:22px}
.journey,.kpis{grid-template-columns:minmax(0,1fr)}
.chart.wide{display:none}
.chart.narrow{display:block}
table.stack thead{display:none}
table.stack tr{display:block;border-bottom:1px solid #e6eaf2;padding:6px 0}
table.stack td{display:inline;border:0;padding:0 6px 0 0}
table.stack td.c{display:block;width:auto;padding-top:2px}
table.stack th{display:block;border:0;padding:0 0 2px}
.trend-table td{display:block!important;padding:2px 0!important}
}
`
