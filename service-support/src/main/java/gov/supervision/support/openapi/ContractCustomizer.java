package gov.supervision.support.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completes every service's OpenAPI document in one place, so controllers stay free of
 * documentation annotations: the bearer and OAuth2 (authorization code for people, client
 * credentials for machines) security schemes, zh-CN/English tags and summaries from {@link
 * ContractTexts}, the error responses each operation can give as {@code application/problem+json}
 * with one shared {@code ProblemDetails} schema, and request examples from the request records'
 * {@code EXAMPLE} constants.
 */
public class ContractCustomizer implements GlobalOpenApiCustomizer, OperationCustomizer {

  static final String BEARER = "bearer";
  static final String OAUTH2 = "oauth2";
  static final String PROBLEM = "ProblemDetails";
  static final String PROBLEM_JSON = "application/problem+json";
  static final String WHO = "调用者 Who may call: ";
  static final String RETRY_AFTER = "Retry-After";

  /** The name of a request record's example constant, shown as its request body's example. */
  public static final String EXAMPLE = "EXAMPLE";

  private static final BigDecimal MAX_RETRY = BigDecimal.valueOf(86_400);
  private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

  /** The longest id any service gives out; longer ones are never found. */
  static final int MAX_ID_LENGTH = 200;

  private static final Map<String, String> ERRORS =
      Map.ofEntries(
          Map.entry("400", "输入无效，errors 指出出错字段 Invalid input; errors name the fields at fault"),
          Map.entry("401", "缺少或无效的访问令牌 No valid bearer token"),
          Map.entry("403", "角色或单位无权执行此操作 The role or unit may not do this"),
          Map.entry("404", "对象不存在 Unknown id"),
          Map.entry("409", "状态冲突或已存在 Illegal state change, conflict or concurrent change"),
          Map.entry("413", "请求体超过 1 MiB Body larger than 1 MiB"),
          Map.entry(
              "415", "请求体须为 JSON（或文件导入的 multipart）The body must be JSON (multipart for imports)"),
          Map.entry(
              "422",
              "Idempotency-Key 已用于另一请求 The Idempotency-Key was used for a different request"),
          Map.entry("429", "请求过于频繁，见 Retry-After Too many requests; see Retry-After"),
          Map.entry("500", "意外错误（不含堆栈）Unexpected error (never a stack trace)"),
          Map.entry("503", "服务暂不可用（网关熔断或超时）The service is unavailable (gateway fallback)"));

  private final String service;
  private final ContractTexts texts;
  private final JsonMapper json;
  private final String authorizationUrl;
  private final String tokenUrl;

  public ContractCustomizer(
      String service,
      ContractTexts texts,
      JsonMapper json,
      String authorizationUrl,
      String tokenUrl) {
    this.service = service;
    this.texts = texts;
    this.json = json;
    this.authorizationUrl = authorizationUrl;
    this.tokenUrl = tokenUrl;
  }

  /**
   * Who may call, read from the endpoint's {@code @PreAuthorize} (the code's own rule); and the
   * example of a JSON request body, the {@code EXAMPLE} constant of its request record.
   */
  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    exampleOf(handler).ifPresent(example -> jsonBodyOf(operation).setExample(example));
    PreAuthorize rule =
        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
    if (rule == null) {
      rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    }
    if (rule != null) {
      List<String> roles = new ArrayList<>();
      Matcher role = ROLE.matcher(rule.value());
      while (role.find()) {
        roles.add(role.group(1));
      }
      operation.description(WHO + String.join(", ", roles));
    }
    return operation;
  }

  /**
   * The request record's {@code public static final EXAMPLE}, as JSON the way the API writes it.
   */
  private Optional<JsonNode> exampleOf(HandlerMethod handler) {
    for (MethodParameter parameter : handler.getMethodParameters()) {
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        Class<?> type = parameter.getParameterType();
        try {
          Field field = type.getDeclaredField(EXAMPLE);
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
            field.setAccessible(true);
            return Optional.of(Json.mapper().readTree(json.writeValueAsString(field.get(null))));
          }
        } catch (NoSuchFieldException e) {
          return Optional.empty();
        } catch (ReflectiveOperationException | IOException e) {
          throw new IllegalStateException(type.getName() + "." + EXAMPLE, e);
        }
      }
    }
    return Optional.empty();
  }

  private static MediaType jsonBodyOf(Operation operation) {
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      throw new IllegalStateException(operation.getOperationId() + ": no request body");
    }
    return operation.getRequestBody().getContent().values().iterator().next();
  }

  @Override
  public void customise(OpenAPI api) {
    api.info(
        new Info()
            .title(orElse(texts.get("title"), service))
            .description(orElse(texts.get("description"), service))
            .version(api.getInfo() == null ? "v1" : orElse(api.getInfo().getVersion(), "v1"))
            .contact(new Contact().name("系统管理员 Suite administrators (ADMIN)")));
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    api.components(components);
    components.addSecuritySchemes(BEARER, bearer()).addSecuritySchemes(OAUTH2, oauth2());
    if (components.getSchemas() != null) {
      components.getSchemas().values().forEach(ContractCustomizer::optionalMayBeNull);
    }
    components.addSchemas(PROBLEM, problemSchema());
    api.servers(
        List.of(
            new Server()
                .url("/")
                .description(
                    "经网关访问（生产与本地环境相同）Through the gateway, the same path in production and"
                        + " local")
                .extensions(Map.of("x-internal", false))));
    api.security(
        List.of(
            new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(OAUTH2)));
    Map<String, String> usedTags = new LinkedHashMap<>();
    if (api.getPaths() != null) {
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, operation) -> complete(path, method, operation, usedTags)));
    }
    List<Tag> tags = new ArrayList<>();
    usedTags.forEach(
        (shown, original) ->
            tags.add(
                new Tag().name(shown).description(texts.get("tag." + original + ".description"))));
    api.tags(tags);
  }

  private void complete(
      String path, PathItem.HttpMethod method, Operation operation, Map<String, String> usedTags) {
    String summary = texts.summary(method.name(), path);
    if (summary != null) {
      operation.summary(summary);
    }
    if (operation.getDescription() == null) {
      String who = texts.get("who." + method.name() + " " + path);
      operation.description(WHO + (who == null ? "任何已登录用户 any signed-in caller" : who));
    }
    if (operation.getTags() != null) {
      List<String> tags = new ArrayList<>();
      for (String tag : operation.getTags()) {
        String renamed = orElse(texts.get("tag." + tag), tag);
        tags.add(renamed);
        usedTags.putIfAbsent(renamed, tag);
      }
      operation.tags(tags);
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.responses(responses);
    for (String status : errorsOf(method, operation)) {
      responses.putIfAbsent(status, problem(ERRORS.get(status)));
    }
    responses.get("429").headers(Map.of(RETRY_AFTER, retryAfter()));
    if (operation.getParameters() != null) {
      operation.getParameters().stream()
          .filter(p -> "path".equals(p.getIn()) && "id".equals(p.getName()))
          .forEach(p -> p.getSchema().maxLength(MAX_ID_LENGTH));
    }
  }

  /**
   * A property that is not required may be null (the services write nulls): its type gains {@code
   * "null"} (and its enum, null), a reference becomes {@code anyOf} it or null.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void optionalMayBeNull(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    Map<String, Schema> properties = schema.getProperties();
    properties.replaceAll(
        (name, property) -> {
          if (required.contains(name)) {
            return property;
          }
          if (property.get$ref() != null) {
            return new Schema<>()
                .anyOf(
                    List.of(
                        new Schema<>().$ref(property.get$ref()),
                        new Schema<>().types(new LinkedHashSet<>(List.of("null")))))
                .description(property.getDescription());
          }
          Set<String> types =
              property.getTypes() != null && !property.getTypes().isEmpty()
                  ? new LinkedHashSet<>(property.getTypes())
                  : property.getType() == null
                      ? new LinkedHashSet<>()
                      : new LinkedHashSet<>(List.of(property.getType()));
          if (types.isEmpty() || types.contains("null")) {
            return property;
          }
          types.add("null");
          property.setTypes(types);
          if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
          }
          return property;
        });
  }

  private static Header retryAfter() {
    return new Header()
        .description("几秒后可重试 Seconds until a retry may succeed")
        .schema(new IntegerSchema().format("int32").minimum(BigDecimal.ONE).maximum(MAX_RETRY));
  }

  /** The error statuses an operation can answer. */
  static List<String> errorsOf(PathItem.HttpMethod method, Operation operation) {
    boolean body = operation.getRequestBody() != null;
    boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
    boolean pathVariable =
        parameters && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
    boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    List<String> statuses = new ArrayList<>();
    if (body || parameters) {
      statuses.add("400");
    }
    statuses.add("401");
    statuses.add("403");
    if (pathVariable) {
      statuses.add("404");
    }
    if (changes) {
      statuses.add("409");
      statuses.add("422");
    }
    if (body) {
      statuses.add("413");
      statuses.add("415");
    }
    statuses.add("429");
    statuses.add("500");
    statuses.add("503");
    return statuses;
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON,
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  static Schema<?> problemSchema() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put(
        "type",
        new StringSchema()
            .format("uri")
            .description("问题类型 Problem type, urn:supervision:problem:<slug>")
            .example("urn:supervision:problem:invalid-input"));
    properties.put(
        "title", new StringSchema().description("标题（中文 English）").example("输入无效 Invalid input"));
    properties.put("status", new IntegerSchema().description("HTTP 状态码 HTTP status").example(400));
    properties.put(
        "detail",
        new StringSchema()
            .description("说明 What went wrong")
            .example("dueDate: 日期格式应为 yyyy-MM-dd must be yyyy-MM-dd"));
    properties.put("instance", new StringSchema().description("请求路径 The request path"));
    properties.put(
        "errors",
        new ArraySchema()
            .items(
                new ObjectSchema()
                    .addProperty(
                        "field",
                        new StringSchema().description("出错字段 Field at fault").example("dueDate"))
                    .addProperty(
                        "message",
                        new StringSchema().description("原因 Why").example("日期格式应为 yyyy-MM-dd")))
            .description("逐字段的错误（仅输入错误）Field errors (input errors only)"));
    ObjectSchema problem = new ObjectSchema();
    problem.setProperties(properties);
    problem.required(List.of("type", "title", "status"));
    problem.description("RFC 9457 问题详情 Problem details, the body of every error");
    return problem;
  }

  private static SecurityScheme bearer() {
    return new SecurityScheme()
        .type(SecurityScheme.Type.HTTP)
        .scheme("bearer")
        .bearerFormat("JWT")
        .description(
            "OAuth2 访问令牌（JWT，按 RFC8725 校验签名、签发者和有效期）An OAuth2 access token (JWT) from the"
                + " issuer; signature, issuer and expiry are checked as RFC8725 advises");
  }

  private SecurityScheme oauth2() {
    return new SecurityScheme()
        .type(SecurityScheme.Type.OAUTH2)
        .description(
            "人员：授权码流程（PKCE）登录；系统：客户端凭证。令牌为 JWT，按 RFC8725 校验。People sign in with the"
                + " authorization-code flow (PKCE); machines use client credentials. The tokens are"
                + " JWTs, checked as RFC8725 advises.")
        .flows(
            new OAuthFlows()
                .authorizationCode(
                    new OAuthFlow()
                        .authorizationUrl(authorizationUrl)
                        .tokenUrl(tokenUrl)
                        .refreshUrl(tokenUrl)
                        .scopes(new Scopes().addString("openid", "登录身份 Sign-in identity")))
                .clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(new Scopes())));
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
