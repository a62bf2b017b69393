import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { explain } from '@/api/problems'

/**
 * A page's loading flag and the one way to run a call under it: while it runs the flag is on, and
 * a failure is shown as the Chinese explanation of the problem.
 */
export function useBusy() {
  const busy = ref(false)
  async function run(task: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    try {
      await task()
      return true
    } catch (e) {
      ElMessage.error(explain(e))
      return false
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
