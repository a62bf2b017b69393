/**
 * Which evidence addresses the console may put into a link: exactly what checklist-service accepts
 * (EvidenceRequest), an absolute http(s) address with a host and without spaces or control
 * characters, or a file uploaded to the suite (/api/attachments/<id>). Anything else, however spelt
 * (`javascript:`, `JaVaScRiPt:`, ` javascript:`, `data:`, `//host`, ...), is not a link.
 */
const WEB_ADDRESS = /^https?:\/\/[^\s\p{Cc}/?#@\\]+(?:[/?#][^\s\p{Cc}]*)?$/iu
const OWN_ATTACHMENT = /^\/api\/attachments\/[A-Za-z0-9-]{1,64}$/

/** The address when it may be a link, else null (then only the name is shown). */
export function safeEvidenceUri(uri: string | null | undefined): string | null {
  if (!uri) {
    return null
  }
  return WEB_ADDRESS.test(uri) || OWN_ATTACHMENT.test(uri) ? uri : null
}
