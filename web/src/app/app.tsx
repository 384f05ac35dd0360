import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { RouterProvider } from 'react-router-dom';
import { setMessageInstance } from '../lib/notify';
import { queryClient } from '../lib/query-client';
import { router } from './router';

dayjs.locale('zh-cn');

/** Hands antd's context-aware message API to lib/notify (the static one does not render under React 19). */
function MessageBridge() {
  const { message } = AntApp.useApp();
  setMessageInstance(message);
  return null;
}

/** The web app: providers and the router (console under /admin, portal under /). */
export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#a8071a', borderRadius: 4 } }}
    >
      <AntApp>
        <MessageBridge />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
