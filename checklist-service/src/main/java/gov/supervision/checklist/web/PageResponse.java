package gov.supervision.checklist.web;

import java.util.List;

/** One page of a list: {@code content} plus paging facts. */
public record PageResponse<T>(
    List<T> content, int page, int size, long totalElements, int totalPages) {

  public static <T> PageResponse<T> of(List<T> content, int page, int size, long total) {
    return new PageResponse<>(content, page, size, total, (int) ((total + size - 1) / size));
  }
}
