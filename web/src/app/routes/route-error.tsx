import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';

/** Shown instead of a blank page when a page fails to render; the user can reload. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${String(error.status)} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : '';
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={`页面显示时发生错误，请刷新重试；如果问题反复出现，请联系系统管理员。${detail ? `（${detail}）` : ''}`}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
