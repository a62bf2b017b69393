package gov.supervision.evaluation.dossier;

import gov.supervision.contracts.evaluation.VetoReason;
import gov.supervision.evaluation.cadre.CadreResponse;
import gov.supervision.evaluation.cadre.RecordResponse;
import gov.supervision.evaluation.domain.Conclusion;
import gov.supervision.evaluation.domain.Dimension;
import gov.supervision.evaluation.domain.LinkedFinding;
import java.util.Map;

/**
 * The printed dossier as XHTML for openhtmltopdf, laid out like an official document: red title and
 * rule, numbered sections (particulars, the review case, evaluation records by date with the six
 * dimensions, linked findings, the veto decisions with their reasons), page numbers in the footer.
 * Every value is escaped.
 */
final class DossierPage {

  private static final Map<String, String> SEVERITY =
      Map.of("MINOR", "一般", "MAJOR", "较重", "SEVERE", "严重");
  private static final Map<String, String> FINDING_STATUS =
      Map.of("OPEN", "待整改", "RECTIFYING", "整改中", "RECTIFIED", "已报整改", "VERIFIED", "核查通过");
  private static final Map<String, String> CADRE_STATUS = Map.of("ACTIVE", "在职");

  private static final String STYLE =
      """
      @page {
        size: A4;
        margin: 24mm 20mm 22mm 22mm;
        @top-right { content: "干部政治素质档案 · 审阅件"; font-family: 'Noto Sans SC';
                     font-size: 8.5pt; color: #777; }
        @bottom-center { content: "第 " counter(page) " 页  共 " counter(pages) " 页";
                         font-family: 'Noto Sans SC'; font-size: 9pt; color: #333; }
      }
      body { font-family: 'Noto Sans SC'; font-size: 10.5pt; line-height: 1.55; color: #111; }
      .title { text-align: center; color: #b00000; font-size: 22pt; font-weight: bold;
               letter-spacing: 3pt; margin: 0; }
      .docno { text-align: center; font-size: 10.5pt; margin: 4pt 0 0 0; }
      .rule { border-top: 2pt solid #b00000; margin: 6pt 0 12pt 0; }
      h2 { font-size: 13pt; font-weight: bold; margin: 14pt 0 5pt 0; }
      table { width: 100%; border-collapse: collapse; margin: 0 0 8pt 0; }
      th, td { border: 0.6pt solid #444; padding: 3pt 5pt; text-align: left; vertical-align: top; }
      th { background-color: #f0f0f0; font-weight: bold; }
      td.score, th.score { text-align: center; }
      .record { page-break-inside: avoid; }
      .muted { color: #666; }
      .vetoed { color: #b00000; font-weight: bold; }
      .closing { margin-top: 18pt; font-size: 9.5pt; color: #333; }
      """;

  private DossierPage() {}

  static String html(DossierResponse d, String printedAt) {
    CadreResponse c = d.cadre();
    StringBuilder h = new StringBuilder(16 * 1024);
    h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
        .append(esc("干部政治素质档案 " + c.name()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>");
    h.append("<p class=\"title\">干部政治素质档案</p>");
    h.append("<p class=\"docno\">审查编号：")
        .append(esc(d.reviewCase().caseNo()))
        .append("　（")
        .append(esc(d.reviewCase().kindLabel()))
        .append("）</p><div class=\"rule\"></div>");

    h.append("<h2>一、基本情况</h2><table>");
    row(h, "姓名", c.name(), "干部编号", c.id());
    row(h, "单位", c.unit(), "职务", c.position());
    row(
        h,
        "状态",
        CADRE_STATUS.getOrDefault(String.valueOf(c.status()), String.valueOf(c.status())),
        "建档时间",
        c.registeredAt() == null ? "" : c.registeredAt().toString().substring(0, 10));
    h.append("</table>");

    h.append("<h2>二、审查事项</h2><table>");
    row(h, "审查编号", d.reviewCase().caseNo(), "审查类别", d.reviewCase().kindLabel());
    h.append("<tr><th>审查名称</th><td colspan=\"3\">")
        .append(esc(d.reviewCase().title()))
        .append("</td></tr></table>");

    h.append("<h2>三、评价记录（按日期）</h2>");
    if (d.records().isEmpty()) {
      h.append("<p class=\"muted\">暂无评价记录。</p>");
    }
    for (RecordResponse r : d.records()) {
      record(h, r);
    }

    h.append("<h2>四、关联问题</h2>");
    if (d.linkedFindings().isEmpty()) {
      h.append("<p class=\"muted\">无关联的监督检查问题。</p>");
    } else {
      h.append("<table><tr><th>问题</th><th>单位</th><th>严重程度</th><th>状态</th><th>整改时限</th></tr>");
      for (LinkedFinding f : d.linkedFindings()) {
        h.append("<tr><td>")
            .append(esc(f.description()))
            .append("</td><td>")
            .append(esc(f.unit()))
            .append("</td><td>")
            .append(esc(SEVERITY.getOrDefault(f.severity(), f.severity())))
            .append("</td><td>")
            .append(esc(FINDING_STATUS.getOrDefault(f.status(), f.status())))
            .append("</td><td>")
            .append(esc(f.rectifyBy() == null ? "" : f.rectifyBy().toString()))
            .append("</td></tr>");
      }
      h.append("</table>");
    }

    h.append("<h2>五、一票否决</h2>");
    veto(h, d.veto());
    veto(h, d.awardVeto());

    h.append("<p class=\"closing\">本档案由系统于 ")
        .append(esc(printedAt))
        .append(" 生成，仅供审查编号 ")
        .append(esc(d.reviewCase().caseNo()))
        .append(" 审阅使用，不得复制、摘抄或外传。</p>");
    h.append("</body></html>");
    return h.toString();
  }

  private static void record(StringBuilder h, RecordResponse r) {
    h.append("<div class=\"record\"><table>");
    h.append("<tr><th>日期</th><td>")
        .append(esc(r.date().toString()))
        .append("</td><th>来源</th><td>")
        .append(esc(r.sourceLabel()))
        .append("</td><th>评价人</th><td colspan=\"2\">")
        .append(esc(r.evaluator()))
        .append("</td></tr><tr>");
    for (Dimension dimension : Dimension.values()) {
      h.append("<th class=\"score\">").append(esc(dimension.label())).append("</th>");
    }
    h.append("<th class=\"score\">结论</th></tr><tr>");
    for (Dimension dimension : Dimension.values()) {
      Integer score = r.dimensions().get(dimension);
      h.append("<td class=\"score\">").append(score == null ? "" : score).append("</td>");
    }
    h.append("<td class=\"score")
        .append(r.conclusion() == Conclusion.UNQUALIFIED ? " vetoed" : "")
        .append("\">")
        .append(esc(r.conclusionLabel()))
        .append("</td></tr>");
    if (r.remarks() != null && !r.remarks().isBlank()) {
      h.append("<tr><th>评语</th><td colspan=\"6\">").append(esc(r.remarks())).append("</td></tr>");
    }
    if (r.evidence() != null && !r.evidence().isEmpty()) {
      h.append("<tr><th>佐证</th><td colspan=\"6\">")
          .append(esc(String.join("；", r.evidence())))
          .append("</td></tr>");
    }
    if (r.supersedes() != null) {
      h.append("<tr><th>更正</th><td colspan=\"6\">更正记录 ")
          .append(esc(r.supersedes()))
          .append("，理由：")
          .append(esc(r.correctionReason()))
          .append("</td></tr>");
    }
    if (r.superseded()) {
      h.append("<tr><th>说明</th><td colspan=\"6\" class=\"muted\">本记录已被记录 ")
          .append(esc(r.supersededBy()))
          .append(" 更正，不再作为依据。</td></tr>");
    }
    h.append("</table></div>");
  }

  private static void veto(StringBuilder h, VetoView v) {
    h.append("<p><b>").append(esc(v.kindLabel())).append("：</b>");
    if (!v.vetoed()) {
      h.append("未被否决。</p>");
      return;
    }
    h.append("<span class=\"vetoed\">一票否决</span>。依据：</p><table>");
    h.append("<tr><th>记录日期</th><th>评定结论</th><th>评价人</th><th>记录编号</th></tr>");
    for (VetoReason reason : v.reasons()) {
      h.append("<tr><td>")
          .append(esc(String.valueOf(reason.date())))
          .append("</td><td class=\"vetoed\">")
          .append(esc(conclusionLabel(reason.conclusion())))
          .append("</td><td>")
          .append(esc(reason.evaluator()))
          .append("</td><td>")
          .append(esc(reason.recordId()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private static String conclusionLabel(String code) {
    try {
      return Conclusion.valueOf(code).label();
    } catch (IllegalArgumentException | NullPointerException e) {
      return String.valueOf(code);
    }
  }

  private static void row(StringBuilder h, String k1, String v1, String k2, String v2) {
    h.append("<tr><th>")
        .append(esc(k1))
        .append("</th><td>")
        .append(esc(v1))
        .append("</td><th>")
        .append(esc(k2))
        .append("</th><td>")
        .append(esc(v2))
        .append("</td></tr>");
  }

  /** XML escaping; control characters other than tab and newline are dropped. */
  static String esc(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    value
        .codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                  if (cp >= 0x20 || cp == '\t' || cp == '\n') {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.toString();
  }
}
