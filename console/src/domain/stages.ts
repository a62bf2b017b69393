import type { Stage } from '@/api/types'
import { STAGES } from './labels'

/** The moves the closed loop allows from `stage`: the very next stage, or back to an earlier one. */
export interface Transitions {
  forward: Stage | null
  back: Stage[]
}

export function transitionsFrom(stage: Stage | null | undefined): Transitions {
  if (!stage || stage === 'CLOSED') {
    return { forward: null, back: [] }
  }
  const index = STAGES.indexOf(stage)
  return { forward: STAGES[index + 1] ?? null, back: STAGES.slice(0, index).reverse() }
}

/** Index of the stage in the step bar (0-based), -1 before publication. */
export function stepIndex(stage: Stage | null | undefined): number {
  return stage ? STAGES.indexOf(stage) : -1
}
