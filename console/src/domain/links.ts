/** A console route for a notification's `link` (`/api/items/{id}` -> `/items/{id}`). */
export function routeOfLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/api/')) {
    return null
  }
  return link.substring('/api'.length)
}
