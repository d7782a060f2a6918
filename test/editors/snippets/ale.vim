" ~/.vimrc, Vim with ALE (Debian: apt install vim-ale, an optional package).
packadd! ale
let g:ale_completion_enabled = 1
set omnifunc=ale#completion#OmniFunc

function! s:CloudTrailRoot(buffer) abort
  let l:dir = fnamemodify(bufname(a:buffer), ':p:h')
  let l:git = finddir('.git', escape(l:dir, ' ,') . ';')
  return empty(l:git) ? l:dir : fnamemodify(l:git, ':p:h:h')
endfunction

for s:filetype in ['yaml', 'json', 'python', 'go', 'javascript', 'typescript', 'sh', 'terraform', 'markdown']
  call ale#linter#Define(s:filetype, {
  \   'name': 'cloudtrail_events',
  \   'lsp': 'stdio',
  \   'executable': 'cloudtrail-events-language-server',
  \   'command': '%e --stdio',
  \   'project_root': function('s:CloudTrailRoot'),
  \})
endfor

" ALE runs only its default linters for some file types: name ours there too.
let g:ale_linters = {
\   'go': ['gofmt', 'golint', 'gopls', 'govet', 'cloudtrail_events'],
\   'json': ['jsonlint', 'spectral', 'vscodejson', 'cloudtrail_events'],
\   'python': ['flake8', 'mypy', 'pylint', 'pyright', 'ruff', 'cloudtrail_events'],
\   'yaml': ['spectral', 'yaml-language-server', 'yamllint', 'cloudtrail_events'],
\}
