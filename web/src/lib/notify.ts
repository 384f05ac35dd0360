import type { MessageInstance } from 'antd/es/message/interface';

/*
 * antd's static `message` does not render under React 19, so the app hands the instance of
 * <App> (App.useApp) to this module once, and everything else calls `notify`.
 */
let instance: MessageInstance | null = null;

export function setMessageInstance(next: MessageInstance): void {
  instance = next;
}

export const notify = {
  success: (text: string) => void instance?.success(text),
  error: (text: string) => void instance?.error(text),
  warning: (text: string) => void instance?.warning(text),
};
