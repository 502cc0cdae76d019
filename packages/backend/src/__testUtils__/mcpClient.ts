import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** The MCP endpoint of the portal, as an assistant is configured with it. */
export const MCP_PATH = '/api/mcp-actions/v1';

/** What a tool call answered: its text, its structured data, or its error. */
export interface ToolAnswer {
  isError: boolean;
  /** The text content: the action's output as JSON, or `Name: message`. */
  text: string;
  structured?: Record<string, any>;
}

/** An MCP client signed in as one person, as Claude Code or Cursor connect. */
export interface PortalMcpClient {
  listTools(): Promise<
    Array<{ name: string; annotations?: { readOnlyHint?: boolean } }>
  >;
  call(name: string, args: Record<string, unknown>): Promise<ToolAnswer>;
  close(): Promise<void>;
}

/**
 * Connects a real MCP client (the SDK's Streamable HTTP transport) to the
 * backend at `baseUrl` with the person's Backstage token in the
 * Authorization header, the way the README tells people to configure
 * their assistant.
 */
export async function connectMcp(
  baseUrl: string,
  token: string,
): Promise<PortalMcpClient> {
  const client = new Client({ name: 'portal-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(
    new URL(`${baseUrl}${MCP_PATH}`),
    { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
  );
  await client.connect(transport);
  return {
    async listTools() {
      return (await client.listTools()).tools;
    },
    async call(name, args) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as Array<{ type: string; text?: string }>;
      return {
        isError: Boolean(result.isError),
        text: content
          .filter(c => c.type === 'text')
          .map(c => c.text)
          .join('\n'),
        structured: result.structuredContent as Record<string, any> | undefined,
      };
    },
    close: () => client.close(),
  };
}
