-- init.lua, Neovim 0.7 and later: one server per project (the folder holding .git, else the file's folder).
local cloudtrail_clients = {}
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'yaml', 'json', 'python', 'go', 'javascript', 'typescript', 'sh', 'terraform', 'markdown' },
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    if file == '' then return end
    local dir = vim.fn.fnamemodify(file, ':p:h')
    local git = vim.fn.finddir('.git', vim.fn.escape(dir, ' ,') .. ';')
    local root = git ~= '' and vim.fn.fnamemodify(git, ':p:h:h') or dir
    cloudtrail_clients[root] = cloudtrail_clients[root] or vim.lsp.start_client({
      name = 'cloudtrail-events',
      cmd = { 'cloudtrail-events-language-server', '--stdio' },
      root_dir = root,
      on_attach = function(_, bufnr) vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc' end,
    })
    vim.lsp.buf_attach_client(args.buf, cloudtrail_clients[root])
  end,
})
