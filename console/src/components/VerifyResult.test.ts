import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Verification } from '@/api/evaluation'
import VerifyResult from './VerifyResult.vue'

const intact: Verification = { valid: true, checked: 42, counter: 42, gaps: [], witness: 'MATCH', witnessedSeq: 40, problems: [] }

describe('VerifyResult', () => {
  it('says in words that the log is intact', () => {
    const shown = mount(VerifyResult, { props: { result: intact } })
    expect(shown.text()).toContain('完整')
    expect(shown.text()).toContain('共核验 42 条')
    expect(shown.text()).toContain('与见证方的检查点一致')
    expect(shown.attributes('data-valid')).toBe('true')
  })

  it('says where the chain breaks and lists every gap and problem', () => {
    const shown = mount(VerifyResult, {
      props: {
        result: {
          ...intact,
          valid: false,
          checked: 9,
          firstBrokenSeq: 10,
          gaps: [{ from: 12, to: 14, kind: 'MISSING' }],
          problems: [{ seq: 10, kind: 'HASH', message: '哈希不符' }],
        },
      },
    })
    expect(shown.text()).toContain('异常')
    expect(shown.text()).toContain('自第 10 条起无法核验（此前 9 条完整）')
    expect(shown.text()).toContain('第 12–14 条：缺失')
    expect(shown.text()).toContain('第 10 条：哈希不符（HASH）')
    expect(shown.classes()).toContain('broken')
  })
})
