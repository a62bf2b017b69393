import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import EvidenceLinks from './EvidenceLinks.vue'
import { safeEvidenceUri } from '@/api/evidence'

const ATTACHMENT = '/api/attachments/3f2b8c1e-6d4a-4e0b-9a51-0c7d2e8f1a23'

describe('EvidenceLinks', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    'http:/evil.example',
    'https://user@evil.example/',
    ' https://www.gov.cn/',
    '/api/attachments/../../admin',
    '/api/attachmentsX/1',
    'notes/明细.pdf',
  ])('shows %j as its name without a link', (uri) => {
    const links = mount(EvidenceLinks, { props: { evidence: [{ name: '会议纪要', uri }] } })
    expect(links.find('a').exists()).toBe(false)
    expect(links.html()).not.toContain('href')
    expect(links.find('.evidence-text').text()).toBe('会议纪要')
    expect(safeEvidenceUri(uri)).toBeNull()
  })

  it.each([
    'https://www.gov.cn/zhengce/2026-01/01/content_1.htm',
    'http://oa.example.gov.cn/docs?id=42#p3',
    'HTTPS://WWW.GOV.CN/',
    ATTACHMENT,
  ])('links %s', (uri) => {
    const links = mount(EvidenceLinks, { props: { evidence: [{ name: '通知', uri }] } })
    const a = links.get('a')
    expect(a.attributes('href')).toBe(uri)
    expect(a.text()).toBe('通知')
    expect(safeEvidenceUri(uri)).toBe(uri)
  })

  it('downloads an uploaded file by its id with its name', () => {
    const links = mount(EvidenceLinks, {
      props: {
        evidence: [
          { name: '整改报告.pdf', attachmentId: '3f2b8c1e-6d4a-4e0b-9a51-0c7d2e8f1a23' },
          { name: '坏链接', uri: 'javascript:alert(1)' },
          { name: '仅名称' },
        ],
      },
    })
    const anchors = links.findAll('a')
    expect(anchors).toHaveLength(1)
    expect(anchors[0].attributes('href')).toBe(ATTACHMENT)
    expect(anchors[0].attributes('download')).toBe('整改报告.pdf')
    expect(links.text()).toContain('坏链接')
    expect(links.text()).toContain('仅名称')
    expect(links.findAll('.evidence-text').map((s) => s.text())).toEqual(['坏链接', '仅名称'])
  })
})
