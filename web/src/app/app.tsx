import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';

/** The web app: providers and the router (console under /admin, portal under /). */
export function App() {
  return (
    <ConfigProvider locale={zhCN}>
      <main style={{ padding: 24 }}>
        <h1>法治政府建设平台</h1>
      </main>
    </ConfigProvider>
  );
}
