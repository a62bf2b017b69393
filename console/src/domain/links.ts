/** A console route for a notification's `link` (`/api/items/{id}` -> `/items/{id}`). */
export function routeOfLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/api/')) {
    return null
  }
  return link.substring('/api'.length)
}

/**
 * A notice's body without its closing "详情：/api/…" line: the console opens the subject from the
 * notice itself, so the API path is noise to the reader.
 */
export function noticeText(body: string): string {
  return body.replace(/\s*(详情|Details?)\s*[:：]\s*\/api\/\S+\s*$/, '')
}
