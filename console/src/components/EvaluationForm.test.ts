import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { EvaluationRecord } from '@/api/evaluation'
import EvaluationForm from './EvaluationForm.vue'

/** Element Plus shows a field's error after a short debounce. */
const shown = async () => {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 250))
}

type Form = { valid(): Promise<Record<string, unknown> | null> }

const record: EvaluationRecord = {
  id: 'r1',
  date: '2026-01-15',
  source: 'ANNUAL_ASSESSMENT',
  sourceLabel: '年度考核',
  evaluator: 'evaluator',
  dimensions: {
    POLITICAL_JUDGMENT: 2,
    POLITICAL_COMPREHENSION: 2,
    POLITICAL_EXECUTION: 2,
    POLITICAL_STANCE: 1,
    POLITICAL_ATTITUDE: 2,
    POLITICAL_RESPONSIBILITY: 2,
  },
  conclusion: 'UNQUALIFIED',
  conclusionLabel: '不合格',
  remarks: '年度考核',
  superseded: false,
}

describe('EvaluationForm', { timeout: 30000 }, () => {
  it('refuses a record without scores and names each unscored dimension', async () => {
    const form = mount(EvaluationForm, { attachTo: document.body })
    expect(await (form.vm as unknown as Form).valid()).toBeNull()
    await shown()
    const errors = form.findAll('.el-form-item__error').map((e) => e.text())
    expect(errors).toEqual(
      expect.arrayContaining(['请填写评价来源', '请填写评价结论', '请为政治判断力评分', '请为政治担当评分']),
    )
    form.unmount()
  })

  it('starts a correction from the record, asks for the reason and then supersedes it', async () => {
    const form = mount(EvaluationForm, { props: { corrects: record }, attachTo: document.body })
    expect(await (form.vm as unknown as Form).valid()).toBeNull()
    await shown()
    expect(form.text()).toContain('请填写更正理由')
    await form.find('textarea[data-test="eval-reason"]').setValue('录入有误')
    const body = await (form.vm as unknown as Form).valid()
    expect(body).toMatchObject({
      date: '2026-01-15',
      conclusion: 'UNQUALIFIED',
      supersedes: 'r1',
      correctionReason: '录入有误',
      dimensions: { POLITICAL_STANCE: 1, POLITICAL_JUDGMENT: 2 },
    })
    form.unmount()
  })

  it("shows the service's field errors on their dimension", async () => {
    const form = mount(EvaluationForm, {
      props: { serverErrors: { 'dimensions.POLITICAL_STANCE': '须在 1 到 5 之间' } },
      attachTo: document.body,
    })
    await shown()
    const item = form.findAll('.el-form-item').find((f) => f.text().includes('政治立场'))!
    expect(item.text()).toContain('须在 1 到 5 之间')
    form.unmount()
  })
})
