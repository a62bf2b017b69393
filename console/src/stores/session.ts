import { defineStore } from 'pinia'
import { http, xsrfToken } from '@/api/http'
import { can, unitScoped, type Me, type Permission } from '@/auth/permissions'

/** The signed-in person (`GET /api/me`) and sign-out. */
export const useSession = defineStore('session', {
  state: () => ({ me: null as Me | null }),
  getters: {
    unitScoped: (state) => unitScoped(state.me),
  },
  actions: {
    async load(): Promise<Me> {
      if (!this.me) {
        this.me = await http.get<Me>('/api/me')
      }
      return this.me
    },
    can(permission: Permission): boolean {
      return can(this.me, permission)
    },
    /** Ends the session at the gateway, then goes to the issuer's end-session page. */
    async signOut(): Promise<void> {
      const token = xsrfToken()
      const response = await fetch('/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', ...(token ? { 'X-XSRF-TOKEN': token } : {}) },
      })
      let target = '/'
      if (response.ok) {
        const body = (await response.json().catch(() => ({}))) as { logoutUrl?: string }
        target = body.logoutUrl || '/'
      }
      this.me = null
      window.location.assign(target)
    },
  },
})
