import { defineStore } from 'pinia'
import { http } from '@/api/http'
import type { InboxPage } from '@/api/types'

/** How often the header's unread badge asks the inbox (the console's promise: at most 10 s). */
export const UNREAD_POLL_MS = 8000

/** The unread count of the header badge, kept current by polling while the page is open. */
export const useInbox = defineStore('inbox', {
  state: () => ({ unread: 0, timer: 0 as number }),
  actions: {
    async refresh(): Promise<void> {
      try {
        const page = await http.get<InboxPage>('/api/notifications/inbox', { unread: true, size: 1 })
        this.unread = page.unreadCount ?? page.totalElements
      } catch {
        // the badge keeps its last count; the next poll tries again
      }
    },
    start(): void {
      if (this.timer) {
        return
      }
      void this.refresh()
      this.timer = window.setInterval(() => {
        if (document.visibilityState !== 'hidden') {
          void this.refresh()
        }
      }, UNREAD_POLL_MS)
    },
    stop(): void {
      window.clearInterval(this.timer)
      this.timer = 0
    },
  },
})
