-- Drives Neovim (headless) through the scenario of ../editors.test.ts, with the README's snippet as
-- init.lua: writes what the user would see to $CT_RESULT as JSON, then quits.
local result = {}
local function keys(k) return vim.api.nvim_replace_termcodes(k, true, false, true) end

-- Insert-mode completion at the end of `line`: <C-x><C-o> (the snippet's omnifunc), then the item
-- whose word is `word`, chosen with <C-n> from a timer once the menu lists it (the omnifunc answers
-- asynchronously); <Esc> ends the feedkeys call.
local function complete(line, word)
  vim.api.nvim_win_set_cursor(0, { line, #vim.fn.getline(line) - 2 })
  local offered = {}
  local timer = vim.loop.new_timer()
  local deadline = vim.loop.now() + 10000
  timer:start(20, 20, vim.schedule_wrap(function()
    local items = vim.fn.complete_info({ 'items' }).items
    if #items == 0 and vim.loop.now() < deadline then return end
    timer:stop()
    local index = 0
    for i, item in ipairs(items) do
      table.insert(offered, item.word)
      if item.word == word and index == 0 then index = i end
    end
    -- The first item is already inserted (completeopt=menu,preview): index - 1 more.
    vim.api.nvim_feedkeys(keys(index > 0 and string.rep('<C-n>', index - 1) .. '<C-y><Esc>' or '<C-e><Esc>'), 'n', false)
  end))
  vim.api.nvim_feedkeys(keys('a<C-x><C-o>'), 'x!', false)
  return vim.fn.getline(line), offered
end

local function floatingWindow()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then return win end
  end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('CT_FILE')))
  vim.wait(20000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
  result.diagnostics = vim.tbl_map(function(d) return d.message end, vim.diagnostic.get(0))

  vim.fn.cursor(3, vim.fn.stridx(vim.fn.getline(3), 'volume.at') + 9)
  vim.lsp.buf.hover()
  vim.wait(10000, function() return floatingWindow() ~= nil end, 50)
  local float = floatingWindow()
  result.hover = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), '\n')
  vim.api.nvim_win_close(float, true)

  result.namespaceLine, result.namespaceOffered = complete(5, 'volume.')
  result.segmentLine, result.segmentOffered = complete(6, 'create')

  -- The quick fix: the preferred one is the first offered, picked in vim.ui.select's list.
  vim.ui.select = function(items, _, on_choice) on_choice(items[1], 1) end
  vim.fn.cursor(2, 10)
  vim.lsp.buf.code_action()
  vim.wait(10000, function() return not vim.fn.getline(2):find('instnace') end, 50)
  result.fixedLine = vim.fn.getline(2)
end)
if not ok then result.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('CT_RESULT'))
vim.cmd('qa!')
