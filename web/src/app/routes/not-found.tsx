import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { paths } from '../../config/paths';

export function NotFoundPage({ isConsole }: { isConsole: boolean }) {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，可能地址有误或已被移除。"
      extra={
        <Link to={isConsole ? paths.console.home : paths.portal.home}>
          <Button type="primary">{isConsole ? '返回工作台' : '返回首页'}</Button>
        </Link>
      }
    />
  );
}
