import { http } from './http'

/** One code of the service's lists with its labels. */
export interface Label {
  code: string
  zh: string
  en: string
}

/** The code lists of `GET /api/checklists/metadata` (focusArea, supervisionMethod, stage, ...). */
export type Metadata = Record<string, Label[]>

let loaded: Promise<Metadata> | null = null

/** The service's code lists, asked once per page load. */
export function metadata(): Promise<Metadata> {
  loaded ??= http.get<Metadata>('/api/checklists/metadata').catch((e: unknown) => {
    loaded = null
    throw e
  })
  return loaded
}
