import { MarkdownContent } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { runbookPath } from '@gogidix/plugin-oncall-common';

/**
 * Renders a runbook with Backstage's MarkdownContent in its GFM dialect:
 * react-markdown builds React elements (no innerHTML), raw HTML goes through
 * rehype-sanitize with GitHub's schema (no script, no on* attributes) and
 * link URLs through react-markdown's transform, which drops `javascript:`.
 * A link to a sibling `other.md` becomes that runbook's portal page.
 */
export function RunbookMarkdown({
  entity,
  markdown,
}: {
  entity: CompoundEntityRef;
  markdown: string;
}) {
  return (
    <MarkdownContent
      dialect="gfm"
      content={markdown}
      transformLinkUri={href => {
        const sibling =
          /^(?:\.\/)?([A-Za-z0-9_][A-Za-z0-9_.-]*)\.md(#.*)?$/.exec(href);
        if (sibling) {
          return `${runbookPath(entity, sibling[1])}${sibling[2] ?? ''}`;
        }
        return safeHref(href);
      }}
    />
  );
}

/** Web links, mail links, in-page anchors and relative paths only. */
function safeHref(href: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim());
  if (!scheme) {
    return href;
  }
  return ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase())
    ? href
    : '#';
}
