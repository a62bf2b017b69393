package gov.supervision.gateway.problem;

import org.springframework.http.HttpStatus;

/** The kinds of error the gateway answers itself, with zh-CN first titles and details. */
public enum GatewayProblem {
  UNAUTHORIZED(
      HttpStatus.UNAUTHORIZED,
      "unauthorized",
      "未认证 Unauthorized",
      "缺少或无效的访问令牌 A valid bearer token is required"),
  FORBIDDEN(
      HttpStatus.FORBIDDEN,
      "forbidden",
      "无权访问 Forbidden",
      "当前角色无权访问此路径 Your role may not use this path"),
  SIGN_IN_REQUIRED(
      HttpStatus.UNAUTHORIZED,
      "unauthorized",
      "未认证 Unauthorized",
      "登录已过期或尚未登录，请重新登录 Sign in again, or send a valid bearer token"),
  CSRF_REJECTED(
      HttpStatus.FORBIDDEN,
      "csrf",
      "请求校验失败 CSRF check failed",
      "会话请求须带 X-XSRF-TOKEN 请求头（值同 XSRF-TOKEN Cookie）"
          + " A session call needs the X-XSRF-TOKEN header matching the XSRF-TOKEN cookie"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "未找到 Not found", "没有这个路径 No such path"),
  PAYLOAD_TOO_LARGE(
      HttpStatus.PAYLOAD_TOO_LARGE,
      "payload-too-large",
      "请求体过大 Payload too large",
      "请求体超过上限 The request body exceeds the limit"),
  TOO_MANY_REQUESTS(
      HttpStatus.TOO_MANY_REQUESTS,
      "rate-limited",
      "请求过于频繁 Too many requests",
      "请稍后再试 Slow down and retry later"),
  SERVICE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE,
      "service-unavailable",
      "服务暂不可用 Service unavailable",
      "后端服务暂不可用，请稍后再试 The service behind this path is unavailable, retry later"),
  SERVICE_BUSY(
      HttpStatus.SERVICE_UNAVAILABLE,
      "service-busy",
      "服务繁忙 Service busy",
      "后端服务并发请求已满，请稍后再试 Too many calls to this service at once, retry shortly"),
  IDENTITY_PROVIDER_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE,
      "identity-provider-unavailable",
      "认证服务暂不可用 Identity provider unavailable",
      "暂时无法校验访问令牌，请稍后再试 The token cannot be checked right now, retry later"),
  GATEWAY_TIMEOUT(
      HttpStatus.GATEWAY_TIMEOUT,
      "gateway-timeout",
      "服务响应超时 Gateway timeout",
      "后端服务未在时限内响应 The service behind this path did not answer in time"),
  BAD_GATEWAY(
      HttpStatus.BAD_GATEWAY,
      "bad-gateway",
      "后端服务错误 Bad gateway",
      "后端服务的响应无效 The service behind this path answered badly"),
  BAD_REQUEST(
      HttpStatus.BAD_REQUEST, "bad-request", "请求无效 Bad request", "请求无效 The request is invalid"),
  INTERNAL(
      HttpStatus.INTERNAL_SERVER_ERROR,
      "internal",
      "内部错误 Internal error",
      "网关内部错误 The gateway failed to handle the request");

  private final HttpStatus status;
  private final String slug;
  private final String title;
  private final String detail;

  GatewayProblem(HttpStatus status, String slug, String title, String detail) {
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.detail = detail;
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }
}
