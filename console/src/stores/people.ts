import { defineStore } from 'pinia'
import { http } from '@/api/http'
import { useSession } from './session'

/** A person as `GET /api/people` names them. */
export interface Person {
  id: string
  name: string
  unit: string | null
}

/** How many ids one `GET /api/people` may ask for. */
export const PEOPLE_PER_CALL = 100

/** Ids `who` met that are not asked yet; asked together once the current render is done. */
const pending = new Set<string>()

/**
 * Names for the person ids the services record (actors, responsible persons, uploaders): those who
 * have signed in are known to the gateway; anyone else is shown by id. Each id is asked once;
 * `who` asks for the ids it meets by itself, `learn` asks ahead for ids about to be shown.
 */
export const usePeople = defineStore('people', {
  state: () => ({ known: {} as Record<string, Person>, asked: new Set<string>() }),
  actions: {
    /** Looks up the ids not asked before; a failed call leaves them to be shown by id. */
    async learn(ids: ReadonlyArray<string | null | undefined>): Promise<void> {
      const fresh = [...new Set(ids.filter((id): id is string => !!id && !this.asked.has(id)))]
      fresh.forEach((id) => this.asked.add(id))
      for (let i = 0; i < fresh.length; i += PEOPLE_PER_CALL) {
        const batch = fresh.slice(i, i + PEOPLE_PER_CALL)
        try {
          const people = await http.get<Person[]>('/api/people', { ids: batch.join(',') })
          people.forEach((person) => (this.known[person.id] = person))
        } catch {
          // names are a courtesy: the ids stay on screen
        }
      }
    },
    /** The person's name when known, else the id; empty for none. */
    who(id: string | null | undefined): string {
      if (!id) {
        return ''
      }
      if (!this.asked.has(id) && !pending.has(id)) {
        if (pending.size === 0) {
          setTimeout(() => {
            const ids = [...pending]
            pending.clear()
            void this.learn(ids)
          })
        }
        pending.add(id)
      }
      const me = useSession().me
      const name = this.known[id]?.name ?? (me?.id === id ? me.name : undefined)
      return name ?? id
    },
  },
})
