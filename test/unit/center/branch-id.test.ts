/** Branch ids and where they show: schema names, credentials, page paths, the center's config file (issue 19). */
import { BranchId, branchOfCredential, DEFAULT_BRANCH_ID, pgSchemaOf, withBranch } from '../../../src/center/branches/branch-id';
import { CenterConfigFile } from '../../../src/center/config/branches';
import { branchBase } from '../../../src/center/pages/api';

describe('branch ids', () => {
  it('accepts short lower-case ids with inner hyphens and refuses anything a path, file or schema could misread', () => {
    for (const ok of ['p-ben-nghe', 'default', 'q1', 'a'.repeat(32)]) expect(BranchId.safeParse(ok).success).toBe(true);
    for (const bad of ['', 'P-Ben', 'p_ben', '-p', 'p-', 'p/../x', 'p.ben', 'a'.repeat(33), 'phường']) expect(BranchId.safeParse(bad).success).toBe(false);
  });

  it('keeps the default branch in public and gives every other branch its own schema', () => {
    expect(pgSchemaOf(DEFAULT_BRANCH_ID)).toBe('public');
    expect(pgSchemaOf('p-ben-nghe')).toBe('branch_p_ben_nghe');
    expect(() => pgSchemaOf('x"; DROP SCHEMA public; --')).toThrow();
  });

  it("names a credential's branch before a dot; a credential without one (every token from before branches) is the default's", () => {
    expect(branchOfCredential(withBranch('p-ben-nghe', 'secret-secret'))).toBe('p-ben-nghe');
    expect(withBranch(DEFAULT_BRANCH_ID, 'secret-secret')).toBe('secret-secret');
    expect(branchOfCredential('secret-secret')).toBe(DEFAULT_BRANCH_ID);
  });

  it("finds a page's branch in its path, and none at the root", () => {
    expect(branchBase('/b/p-ben-nghe/counter')).toBe('/b/p-ben-nghe');
    expect(branchBase('/b/p-ben-nghe')).toBe('/b/p-ben-nghe');
    expect(branchBase('/counter')).toBe('');
    expect(branchBase('/b/p-ben-nghe-and-more-than-thirty-two-chars/x')).toBe('');
    expect(branchBase('/bx/p-ben-nghe/counter')).toBe('');
  });

  it("validates the center's config file: nothing required, ids checked and declared once, unknown fields refused", () => {
    expect(CenterConfigFile.safeParse({}).success).toBe(true);
    expect(CenterConfigFile.safeParse({ branches: [{ id: 'p-ben-nghe', catalogFile: 'a.json' }, { id: 'p-ben-thanh' }] }).success).toBe(true);
    expect(CenterConfigFile.safeParse({ branches: [{ id: 'p-a' }, { id: 'p-a' }] }).success).toBe(false);
    expect(CenterConfigFile.safeParse({ branches: [{ id: 'p-a', staffKey: 'inline' }] }).success).toBe(false);
    expect(CenterConfigFile.safeParse({ branches: [] }).success).toBe(false);
  });
});
