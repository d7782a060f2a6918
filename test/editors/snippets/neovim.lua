-- init.lua, Neovim 0.8 and later: vim.lsp.start reuses the running server of the same name and root.
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'yaml', 'json', 'python', 'go', 'javascript', 'typescript', 'sh', 'terraform', 'markdown' },
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    if file == '' then return end
    local git = vim.fs.find('.git', { upward = true, path = vim.fs.dirname(file) })[1]
    vim.lsp.start({
      name = 'cloudtrail-events',
      cmd = { 'cloudtrail-events-language-server', '--stdio' },
      root_dir = git and vim.fs.dirname(git) or vim.fs.dirname(file),
      on_attach = function(_, bufnr) vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc' end,
    })
  end,
})
