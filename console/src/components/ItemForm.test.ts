import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { Item } from '@/api/types'
import ItemForm from './ItemForm.vue'

/** Element Plus shows a field's error after a short debounce. */
const shown = async () => {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 250))
}

const existing: Item = {
  id: 'i1',
  checklistId: 'c1',
  focusArea: 'MAJOR_STRATEGIES',
  content: '推动高质量发展',
  requirements: '每月报告',
  responsibleUnit: 'FGW',
  responsiblePerson: 'lead-fgw',
  method: 'ROUTINE_CHECK',
  dueDate: '2026-12-31',
  reportEvery: null,
  published: false,
  findings: [],
  history: [],
}

describe('ItemForm', { timeout: 30000 }, () => {
  it('refuses an empty item and says which fields are missing', async () => {
    const form = mount(ItemForm, { props: { published: false }, attachTo: document.body })
    const valid = await (form.vm as unknown as { valid(): Promise<unknown> }).valid()
    await shown()
    expect(valid).toBeNull()
    const errors = form.findAll('.el-form-item__error').map((e) => e.text())
    expect(errors).toEqual(
      expect.arrayContaining(['请填写聚焦领域', '请填写监督内容', '请填写工作要求', '请填写责任主体', '请填写完成时限']),
    )
    form.unmount()
  })

  it('answers the draft of a complete item, and asks for a reason once published', async () => {
    const draft = mount(ItemForm, { props: { published: false, item: existing }, attachTo: document.body })
    const answered = await (draft.vm as unknown as { valid(): Promise<Record<string, unknown>> }).valid()
    expect(answered).toMatchObject({ content: '推动高质量发展', responsibleUnit: 'FGW', dueDate: '2026-12-31' })
    draft.unmount()

    const revision = mount(ItemForm, { props: { published: true, item: existing }, attachTo: document.body })
    expect(await (revision.vm as unknown as { valid(): Promise<unknown> }).valid()).toBeNull()
    await shown()
    expect(revision.text()).toContain('请填写修订理由')
    revision.unmount()
  })

  it("shows the service's field errors on their fields", async () => {
    const form = mount(ItemForm, {
      props: { published: false, item: existing, serverErrors: { responsiblePerson: '无效的人员编号' } },
      attachTo: document.body,
    })
    await shown()
    const item = form.findAll('.el-form-item').find((f) => f.text().includes('责任人'))!
    expect(item.find('.el-form-item__error').text()).toBe('无效的人员编号')
    form.unmount()
  })
})
