// The API's route table: each resource module lists its routes as `METHOD /v1/path/:param`, and the
// server matches a request against them in order.
import type { FakeContext, RequestInfo } from './fake-context.ts';
import type { Params } from './params.ts';

export interface ApiRequest {
  info: RequestInfo;
  params: Params;
  path: Record<string, string>;
}

export type ApiHandler = (fake: FakeContext, req: ApiRequest) => unknown;

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  handler: ApiHandler;
}

interface CompiledRoute extends ApiRoute {
  pattern: RegExp;
  names: string[];
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: ApiRoute[]) {
    this.routes = routes.map((r) => {
      const names: string[] = [];
      const source = r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { ...r, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The first route for this method whose pattern matches the path, with its decoded path parameters. */
  match(method: string, path: string): { route: ApiRoute; path: Record<string, string> } | undefined {
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { route: r, path: params };
    }
    return undefined;
  }
}
