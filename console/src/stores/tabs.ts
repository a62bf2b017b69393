import { defineStore } from 'pinia'

export interface Tab {
  /** the page (one tab per page) */
  path: string
  /** with its query, to come back to the same filters */
  fullPath: string
  title: string
}

const HOME: Tab = { path: '/', fullPath: '/', title: '工作台' }

/** The tabs of the pages visited in this session (the 工作台 tab stays). */
export const useTabs = defineStore('tabs', {
  state: () => ({ tabs: [HOME] as Tab[] }),
  actions: {
    open(tab: Tab): void {
      const existing = this.tabs.find((t) => t.path === tab.path)
      if (existing) {
        existing.title = tab.title
        existing.fullPath = tab.fullPath
      } else {
        this.tabs.push(tab)
      }
    },
    /** Closes a tab; answers the path to show instead when it was the current one. */
    close(path: string): string {
      if (path === HOME.path) {
        return path
      }
      const index = this.tabs.findIndex((t) => t.path === path)
      if (index >= 0) {
        this.tabs.splice(index, 1)
      }
      return this.tabs[Math.max(0, index - 1)]?.fullPath ?? HOME.path
    },
    closeOthers(path: string): void {
      this.tabs = this.tabs.filter((t) => t.path === HOME.path || t.path === path)
    },
  },
})
