package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evidence links are shown to readers as links: only an http(s) address or an uploaded file's path
 * is taken; a script, data or file address is 400 naming the entry, and nothing is written.
 */
class EvidenceUriIT extends ChecklistIT {

  static final List<String> HOSTILE =
      List.of(
          "javascript:alert(document.cookie)",
          "JavaScript:alert(1)",
          " javascript:alert(1)",
          "java\tscript:alert(1)",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
          "vbscript:msgbox(1)",
          "file:///etc/passwd",
          "//evil.example/x.pdf",
          "http://",
          "https:/evil.example",
          "http:\\\\evil.example",
          "http://evil.example/a b",
          "/api/items/x",
          "/api/attachments/../../actuator",
          "纪要.pdf");

  @Test
  void aHostileUriIsRefusedNamingItsEntryInProgressAndTransitions() {
    String item = publishedItem("FGW", DAY.plusDays(30));
    int history = history(item);
    for (String uri : HOSTILE) {
      Reply progress =
          post(
              "/api/items/" + item + "/progress",
              LEAD_FGW,
              Map.of(
                  "note",
                  "会议纪要",
                  "evidence",
                  List.of(
                      Map.of("name", "纪要", "uri", "https://oa.example.gov.cn/doc/1"),
                      Map.of("name", "附件", "uri", uri))));
      assertBadUri(progress, "evidence[1].uri", uri);
      Reply transition =
          post(
              "/api/items/" + item + "/transitions",
              INSPECTOR,
              Map.of(
                  "to",
                  "ASSIGNED",
                  "note",
                  "盯办",
                  "evidence",
                  List.of(Map.of("name", "x", "uri", uri))));
      assertBadUri(transition, "evidence[0].uri", uri);
    }
    assertThat(history(item)).isEqualTo(history);
    assertThat(get("/api/items/" + item, INSPECTOR).text("stage")).isEqualTo("LEDGER_REGISTERED");
  }

  @Test
  void webAddressesAndUploadedFilesAreTaken() {
    String item = publishedItem("FGW", DAY.plusDays(30));
    List<Map<String, String>> evidence =
        List.of(
            Map.of("name", "通知", "uri", "https://oa.example.gov.cn/通知/2026?id=1#p2"),
            Map.of("name", "纪要", "uri", "HTTP://10.1.2.3:8080/docs/a.pdf"),
            Map.of("name", "文件", "uri", "/api/attachments/0b6f6c1e-3c1f-4bb5-9c1e-2f0d5b1c9a11"),
            Map.of("name", "口头汇报"));
    Reply progress =
        post(
            "/api/items/" + item + "/progress",
            LEAD_FGW,
            Map.of("note", "已部署", "evidence", evidence));
    assertThat(progress.status()).as(String.valueOf(progress.body())).isEqualTo(201);
    var history = progress.body().path("history");
    var kept = history.get(history.size() - 1).path("evidence");
    assertThat(kept.size()).isEqualTo(4);
    assertThat(kept.get(0).path("uri").asString())
        .isEqualTo("https://oa.example.gov.cn/通知/2026?id=1#p2");
    var none = kept.get(3).path("uri");
    assertThat(none.isNull() || none.isMissingNode()).isTrue();
  }

  void assertBadUri(Reply reply, String field, String uri) {
    assertThat(reply.status()).as(uri + " " + reply.body()).isEqualTo(400);
    assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(reply.body().path("errors").findValuesAsString("field"))
        .as(uri)
        .containsExactly(field);
  }

  int history(String item) {
    return get("/api/items/" + item, INSPECTOR).body().path("history").size();
  }
}
