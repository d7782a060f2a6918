/**
 * Glob matching for the excluded-files setting and the CLI: `**`, `*`, `?`,
 * `{a,b}` and `[abc]`. Patterns become regexes without nested quantifiers, so a
 * user-supplied pattern cannot make matching take more than linear time.
 */

const cache = new Map<string, RegExp>();

function toRegex(glob: string): RegExp {
  let out = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a lone `**` anything.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      out += '(?:';
      inGroup = true;
    } else if (c === '}' && inGroup) {
      out += ')';
      inGroup = false;
    } else if (c === ',' && inGroup) out += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * True when `path` (forward slashes) matches `glob`. A pattern without a slash
 * matches the file name anywhere, as in .gitignore and `files.exclude`.
 */
export function matchGlob(glob: string, path: string): boolean {
  const pattern = glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`;
  let regex = cache.get(pattern);
  if (!regex) {
    regex = toRegex(pattern);
    if (cache.size > 500) cache.clear();
    cache.set(pattern, regex);
  }
  return regex.test(path.replace(/^\/+/, '')) || regex.test(path);
}
