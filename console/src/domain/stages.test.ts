import { describe, expect, it } from 'vitest'
import { STAGE_LABELS, STAGES } from './labels'
import { routeOfLink } from './links'
import { stepIndex, transitionsFrom } from './stages'

describe('the closed loop', () => {
  it('has the seven stages in order with their Chinese names', () => {
    expect(STAGES.map((s) => STAGE_LABELS[s])).toEqual([
      '建立台账',
      '专人盯办',
      '会议研究',
      '调研督查',
      '现场核查',
      '定期报告',
      '办结',
    ])
  })

  it('offers only the next stage forward and every earlier stage back', () => {
    expect(transitionsFrom('LEDGER_REGISTERED')).toEqual({ forward: 'ASSIGNED', back: [] })
    expect(transitionsFrom('INSPECTING')).toEqual({
      forward: 'ON_SITE_VERIFIED',
      back: ['MEETING_REVIEWED', 'ASSIGNED', 'LEDGER_REGISTERED'],
    })
    expect(transitionsFrom('REPORTED').forward).toBe('CLOSED')
  })

  it('offers nothing on a closed or unpublished item', () => {
    expect(transitionsFrom('CLOSED')).toEqual({ forward: null, back: [] })
    expect(transitionsFrom(null)).toEqual({ forward: null, back: [] })
  })

  it('places each stage on the step bar', () => {
    expect(stepIndex('LEDGER_REGISTERED')).toBe(0)
    expect(stepIndex('CLOSED')).toBe(6)
    expect(stepIndex(undefined)).toBe(-1)
  })
})

describe('notification links', () => {
  it('open as the console route without /api', () => {
    expect(routeOfLink('/api/items/abc-1')).toBe('/items/abc-1')
    expect(routeOfLink('/api/cadres/c-9')).toBe('/cadres/c-9')
  })

  it('are ignored when they are not API paths', () => {
    expect(routeOfLink(null)).toBeNull()
    expect(routeOfLink('https://elsewhere.example/x')).toBeNull()
    expect(routeOfLink('/items/1')).toBeNull()
  })
})
