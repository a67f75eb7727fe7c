/** The report page's stylesheet: inline, so the page is one request and works offline. */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d2330;background:#f3f5f9}
main{max-width:1480px;margin:0 auto;padding:24px 28px 40px}
header{display:flex;flex-wrap:wrap;align-items:flex-end;justify-content:space-between;gap:12px 24px;margin-bottom:18px}
h1{margin:0;font-size:26px;letter-spacing:-.01em}
h2{font-size:16px;margin:0 0 10px}
.sub{margin:2px 0 0;color:#5a6478}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:10px}
.tools form{display:flex;align-items:center;gap:6px}
.tools input{font:inherit;padding:4px 6px;border:1px solid #c8cfdc;border-radius:6px}
.btn{display:inline-block;font:inherit;padding:5px 12px;border-radius:6px;border:1px solid #2c4a8c;background:#2c4a8c;color:#fff;text-decoration:none;cursor:pointer}
.btn.ghost{background:#fff;color:#2c4a8c}
.lang a{color:#2c4a8c;text-decoration:none;padding:2px 6px;border-radius:4px}
.lang a[aria-current]{background:#2c4a8c;color:#fff}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;margin-bottom:16px}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 2px rgba(20,30,60,.08);padding:14px 16px}
.kpi .label{color:#5a6478;font-size:12px;text-transform:uppercase;letter-spacing:.05em}
.kpi .value{font-size:28px;font-weight:700;margin-top:2px}
.kpi .note{color:#5a6478;font-size:12px}
.fix{border-left:6px solid #b3261e;background:#fff6f5;display:grid;grid-template-columns:minmax(260px,1fr) 2fr;gap:8px 24px;margin-bottom:16px}
.fix .tag{color:#b3261e;font-weight:700;text-transform:uppercase;font-size:12px;letter-spacing:.06em}
.fix .name{font-size:22px;font-weight:700}
.fix blockquote{margin:0 0 6px;padding:6px 10px;background:#fff;border-radius:6px;border:1px solid #f1d3cf}
.curve{margin-bottom:12px;padding:10px 0 4px}
.curve h2{padding:0 16px}
.curve svg{display:block;width:100%;height:auto}
.journey{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:12px}
.stage{background:#e6eaf2;border-radius:10px;padding:10px}
.stage>.head{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:10px;border-top:5px solid #9aa3b5}
.stage .arrow{color:#5a6478;font-size:11px;text-transform:uppercase;letter-spacing:.06em}
.stage h3{margin:0;font-size:17px}
.tp{background:#fff;border-radius:8px;padding:9px 11px;margin-bottom:8px;border-left:5px solid #9aa3b5}
.tp h4{margin:0 0 4px;font-size:14px;display:flex;justify-content:space-between;gap:6px}
.tp.weakest{outline:3px solid #b3261e;outline-offset:-1px}
.badge{font-size:10px;font-weight:700;background:#b3261e;color:#fff;border-radius:10px;padding:1px 7px;white-space:nowrap;align-self:center}
.n{color:#5a6478;font-weight:400;font-size:12px}
.m{display:flex;justify-content:space-between;align-items:center;margin:3px 0;font-size:13px}
.chip{font-weight:700;border-radius:5px;padding:0 6px}
.good{color:#136c3f;background:#dcf2e5;border-color:#1f8a53!important}
.fair{color:#7a4f00;background:#fcefd2;border-color:#d89b16!important}
.poor{color:#a1221b;background:#fde2df;border-color:#c8372d!important}
.none{color:#5a6478;background:#eef0f4}
.bar{display:flex;height:10px;border-radius:5px;overflow:hidden;background:#eef0f4;margin:5px 0 2px}
.bar span{display:block;height:100%}
.e1{background:#d64545}.e2{background:#f08c4a}.e3{background:#b9bec8}.e4{background:#7cc47f}.e5{background:#2e9e5b}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px;color:#5a6478;margin-top:6px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.empty{color:#8a93a6;font-size:12px;font-style:italic}
.comments{margin-top:16px}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6eaf2;vertical-align:top}
th{color:#5a6478;font-weight:600}
td.c{width:55%}
footer{margin-top:16px;color:#5a6478;font-size:12px}
@media (max-width:1000px){.journey,.kpis{grid-template-columns:1fr 1fr}.fix{grid-template-columns:1fr}}
`
