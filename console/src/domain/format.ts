const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** An instant as Beijing time, `2026/11/30 14:05`. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? TIME.format(new Date(iso)) : ''
}

/** A file size in 字节/KB/MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} 字节`
  }
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Today in Beijing as `YYYY-MM-DD`. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}

export function percent(rate: number | null | undefined): string {
  return `${Math.round((rate ?? 0) * 1000) / 10}%`
}

/** An instant's day in Beijing as `YYYY-MM-DD`. */
export function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso))
}
