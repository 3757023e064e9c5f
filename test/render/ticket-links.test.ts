// The policy's ticket_url makes ticket ids links in the reports people click (HTML, Markdown,
// GitHub): the id URL-encoded into the template, the link escaped for its medium, only http(s).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { issuesOf } from '../policy/helpers.js';
import { parsePolicy } from '../../src/policy/load.js';
import { redactReport } from '../../src/redact.js';
import { RENDERERS } from '../../src/render/index.js';
import { ticketUrl } from '../../src/render/ticket-link.js';
import { HOSTILE_ID, sampleReport } from './fixture.js';

const TEMPLATE = 'https://acme.zendesk.com/agent/tickets/{id}';
const plain = { color: false, showBreaches: 5, width: 160 };

function linked() {
  const report = sampleReport();
  report.policy.ticket_url = TEMPLATE;
  return report;
}

describe('ticket_url in the policy', () => {
  it('is accepted as an http or https URL with {id}', () => {
    expect(parsePolicy(`ticket_url: ${TEMPLATE}\n`, 'p.yaml').ticket_url).toBe(TEMPLATE);
    expect(parsePolicy('ticket_url: "http://desk.local:8080/t?id={id}&x=1"\n', 'p.yaml').ticket_url).toBe('http://desk.local:8080/t?id={id}&x=1');
    expect(parsePolicy('name: x\n', 'p.yaml').ticket_url).toBeUndefined();
  });

  it('is refused in any other scheme, without {id}, or when it is no URL', () => {
    for (const bad of [
      '"javascript:alert(1)//{id}"',
      '"ftp://acme.example/{id}"',
      'https://acme.zendesk.com/agent/tickets/',
      '"https://acme zendesk/{id}"',
      '"/agent/tickets/{id}"',
    ]) {
      const issues = issuesOf(`ticket_url: ${bad}\n`);
      expect(issues.join('\n'), bad).toMatch(/ticket_url: expected an http or https URL with \{id\}/);
    }
  });
});

describe('ticket links in the reports', () => {
  it('puts the id into the template URL-encoded', () => {
    const report = linked();
    expect(ticketUrl(report, 'CH-1043')).toBe('https://acme.zendesk.com/agent/tickets/CH-1043');
    expect(ticketUrl(report, 'a/b?c#d e')).toBe('https://acme.zendesk.com/agent/tickets/a%2Fb%3Fc%23d%20e');
    // A report file with a template the policy would refuse gives no link.
    report.policy.ticket_url = 'javascript:alert(1)//{id}';
    expect(ticketUrl(report, '1')).toBeUndefined();
  });

  it('HTML: each breach id is a link, escaped; without ticket_url no link at all', () => {
    const html = RENDERERS.html(linked(), plain);
    expect(html).toContain('<td class="mono"><a href="https://acme.zendesk.com/agent/tickets/CH-1043" rel="noreferrer">CH-1043</a></td>');
    // <img src=x onerror=alert(1)>: encodeURIComponent leaves ( and ) alone, the markup is encoded.
    expect(html).toContain(
      '<a href="https://acme.zendesk.com/agent/tickets/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E" rel="noreferrer">&lt;img src=x onerror=alert(1)&gt;</a>',
    );
    expect(html).not.toContain(HOSTILE_ID);
    expect(RENDERERS.html(sampleReport(), plain)).not.toContain('<a href');
  });

  it('Markdown: [id](url) with the characters that would end the link or the cell encoded', () => {
    const md = RENDERERS.markdown(linked(), plain);
    expect(md).toContain('| [CH-1043](https://acme.zendesk.com/agent/tickets/CH-1043) |');
    expect(md).toContain('(https://acme.zendesk.com/agent/tickets/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E)');
    expect(RENDERERS.markdown(sampleReport(), plain)).not.toContain('](https://');
  });

  it('GitHub: the worst ids of an annotation with their links', () => {
    const gh = RENDERERS.github(linked(), plain);
    const error = gh.split('\n').find((l) => l.startsWith('::error '))!;
    // In workflow commands % is written %25 (GitHub decodes it): the URL-encoded id's %3C is %253C.
    expect(error).toContain(
      '%0Aworst: <img src=x onerror=alert(1)> (https://acme.zendesk.com/agent/tickets/%253Cimg%2520src%253Dx%2520onerror%253Dalert(1)%253E), ' +
        'CH-1043 (https://acme.zendesk.com/agent/tickets/CH-1043)',
    );
    expect(RENDERERS.github(sampleReport(), plain)).not.toContain('https://');
  });

  it('a redacted report whose ids changed keeps no link (it would lead to the wrong ticket)', () => {
    const report = linked();
    expect(redactReport(report).policy.ticket_url).toBe(TEMPLATE);
    report.rules[0].breaches[0].id = 'ana@example.com';
    expect(redactReport(report).policy.ticket_url).toBeUndefined();
  });

  it('from the command line: the policy file gives the links, and the JSON report names the template', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-links-'));
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, `ticket_url: ${TEMPLATE}\n`);
    const args = ['audit', 'fixtures/samples/zendesk-tickets.csv', '--policy', policy, '--timezone', 'UTC'];
    const md = runCli([...args, '--format', 'markdown']).stdout;
    expect(md).toMatch(/\| \[(\d+)\]\(https:\/\/acme\.zendesk\.com\/agent\/tickets\/\1\) \|/);
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout);
    expect(json.policy.ticket_url).toBe(TEMPLATE);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'ticket_url: "javascript:alert(1)//{id}"\n');
    const r = runCli(['audit', 'fixtures/samples/zendesk-tickets.csv', '--policy', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ticket_url: expected an http or https URL with {id}');
  });
});
