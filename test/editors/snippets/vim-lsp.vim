" ~/.vimrc, Vim with vim-lsp (prabirshrestha/vim-lsp).
augroup cloudtrail_events
  autocmd!
  autocmd User lsp_setup call lsp#register_server({
  \   'name': 'cloudtrail-events',
  \   'cmd': {server_info -> ['cloudtrail-events-language-server', '--stdio']},
  \   'root_uri': {server_info -> lsp#utils#path_to_uri(lsp#utils#find_nearest_parent_directory(lsp#utils#get_buffer_path(), '.git/..'))},
  \   'allowlist': ['yaml', 'json', 'python', 'go', 'javascript', 'typescript', 'sh', 'terraform', 'markdown'],
  \})
augroup END
