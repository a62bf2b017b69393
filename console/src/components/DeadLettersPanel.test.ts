import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ElMessageBox } from 'element-plus'
import DeadLettersPanel from './DeadLettersPanel.vue'

function answer(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const veto = {
  topic: 'evaluation.cadre.v1-dlt',
  partition: 2,
  offset: 7,
  deadAt: '2026-06-01T02:00:00Z',
  eventId: 'veto-1',
  eventType: 'gov.supervision.cadre.vetoed.v2',
  originalTopic: 'evaluation.cadre.v1',
  error: 'ListenerExecutionFailedException',
}

describe('DeadLettersPanel', () => {
  const fetchMock = vi.fn<typeof fetch>()

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    fetchMock.mockReset()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  const urls = () => fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`)

  it('offers the three consuming services by their Chinese names', () => {
    const panel = mount(DeadLettersPanel)
    const choice = panel.find('[data-test=dead-service]')
    expect(choice.findAll('label').map((l) => l.text())).toEqual(['清单服务', '档案服务', '提醒服务'])
  })

  it('asks the chosen service for its own dead letters and shows them without payloads', async () => {
    fetchMock.mockResolvedValueOnce(answer({ content: [], total: 0 }))
    fetchMock.mockResolvedValueOnce(answer({ content: [veto], total: 1 }))
    const panel = mount(DeadLettersPanel)

    await (panel.vm as unknown as { load: () => Promise<void> }).load()
    await flushPromises()
    expect(urls()).toEqual(['GET /api/dead-letters/notification-service?limit=100'])
    expect(panel.find('[data-test=dead-total]').text()).toContain('待重放 0 条')

    await panel.find('[data-test=dead-service] input[value=checklist-service]').setValue(true)
    await flushPromises()
    expect(urls()[1]).toBe('GET /api/dead-letters/checklist-service?limit=100')
    expect(panel.find('[data-test=dead-total]').text()).toContain('待重放 1 条（清单服务')
    expect(panel.find('[data-test=dead-letters]').text()).toContain('veto-1')
    expect(panel.find('[data-test=dead-letters]').text()).toContain('gov.supervision.cadre.vetoed.v2')
  })

  it('replays the chosen service only, after the admin confirms, and shows what is left', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    fetchMock
      .mockResolvedValueOnce(answer({ content: [veto], total: 1 }))
      .mockResolvedValueOnce(answer({ replayed: 1, byTopic: { 'evaluation.cadre.v1-dlt': 1 } }))
      .mockResolvedValueOnce(answer({ content: [], total: 0 }))
    const panel = mount(DeadLettersPanel)
    await panel.find('[data-test=dead-service] input[value=evaluation-service]').setValue(true)
    await flushPromises()

    await panel.find('[data-test=replay]').trigger('click')
    await flushPromises()

    expect(confirm).toHaveBeenCalledOnce()
    expect(String(confirm.mock.calls[0]![0])).toContain('档案服务')
    expect(urls()).toEqual([
      'GET /api/dead-letters/evaluation-service?limit=100',
      'POST /api/dead-letters/evaluation-service/replay',
      'GET /api/dead-letters/evaluation-service?limit=100',
    ])
    expect(panel.find('[data-test=dead-letters]').text()).not.toContain('veto-1')
    expect(panel.find('[data-test=dead-total]').text()).toContain('待重放 0 条')
  })

  it('replays nothing when the admin cancels', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    fetchMock.mockResolvedValueOnce(answer({ content: [veto], total: 1 }))
    const panel = mount(DeadLettersPanel)
    await (panel.vm as unknown as { load: () => Promise<void> }).load()
    await flushPromises()

    await panel.find('[data-test=replay]').trigger('click')
    await flushPromises()

    expect(urls()).toEqual(['GET /api/dead-letters/notification-service?limit=100'])
  })
})
