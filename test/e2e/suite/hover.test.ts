import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, compact, hoverText, offsetRange, openFixture, waitFor } from './helpers';

/** Hovering the middle of an ID shows its Korean description; the hover's range is the ID. */
const CASES: { name: string; file: string; id: string; description: string }[] = [
  { name: 'typescript string', file: 'correct/instances.ts', id: 'event_id.iaas.instance_action.reboot', description: '인스턴스 재부팅' },
  { name: 'typescript template literal', file: 'correct/instances.ts', id: 'event_id.iaas.instance_action.start', description: '인스턴스 시작' },
  { name: 'python comment', file: 'correct/alerts.py', id: 'event_id.iam.login', description: 'IAM 로그인' },
  { name: 'python f-string', file: 'correct/alerts.py', id: 'event_id.backup.client.register', description: '백업 서버 등록' },
  { name: 'go raw string', file: 'correct/handler.go', id: 'event_id.cloud_trail.set_log_save_download_config', description: '로그 저장/다운로드 설정' },
  { name: 'yaml flow sequence', file: 'correct/rules.yaml', id: 'event_id.org.domain.add', description: '조직 도메인 추가' },
  { name: 'json value', file: 'correct/events.json', id: 'event_id.rds_for_mysql.instance.create', description: 'DB 인스턴스 생성' },
  { name: 'markdown prose', file: 'correct/NOTES.md', id: 'event_id.object_storage.container.delete', description: '컨테이너 삭제' },
];

async function ourHover(document: vscode.TextDocument, offset: number, description: string): Promise<vscode.Hover[]> {
  return waitFor(`a hover with "${description}" in ${document.fileName}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', document.uri, document.positionAt(offset));
    const ours = hovers.filter(hover => hoverText([hover]).includes(description));
    return ours.length > 0 ? ours : undefined;
  });
}

describe('hover on event IDs', () => {
  before(activateExtension);

  for (const { name, file, id, description } of CASES) {
    it(`${name}: ${id} shows "${description}"`, async () => {
      const document = await openFixture(file);
      const start = document.getText().indexOf(id);
      assert.ok(start >= 0, `${id} is not in ${file}`);
      const [hover] = await ourHover(document, start + Math.floor(id.length / 2), description);
      assert.ok(hoverText([hover]).includes(id), `the hover names the ID: ${hoverText([hover])}`);
      assert.ok(hover.range, 'the hover has a range');
      assert.deepStrictEqual(compact(hover.range), offsetRange(document, [start, start + id.length]));
    });
  }

  it('code outside strings: no hover on event_id.lower', async () => {
    const document = await openFixture('correct/instances.ts');
    const text = document.getText();
    // The known ID in the same file answers first, so the server has the document.
    const known = text.indexOf('event_id.iaas.instance.create');
    await ourHover(document, known + 10, '인스턴스 생성');
    const code = text.indexOf('event_id.lower(');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', document.uri, document.positionAt(code + 3));
    assert.ok(!hoverText(hovers).includes('CloudTrail'), `unexpected hover: ${hoverText(hovers)}`);
    assert.ok(!/[가-힣]/.test(hoverText(hovers)), `unexpected Korean hover: ${hoverText(hovers)}`);
  });
});
