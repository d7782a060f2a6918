" Drives Vim (silent Ex mode) with ALE through the scenario of ../editors.test.ts, after the
" README's snippet as vimrc: writes what the user would see to $CT_RESULT as JSON, then quits.
" Vim reads typed keys from stdin here; the runner keeps stdin open, so Vim waits for keys and runs
" timers meanwhile, as it does in a terminal.
filetype plugin on
let g:ale_hover_to_preview = 1
let s:result = {}

function! s:WaitFor(expr, ms) abort
  let l:waited = 0
  while !eval(a:expr) && l:waited < a:ms
    sleep 20m
    let l:waited += 20
  endwhile
endfunction

" Insert-mode completion before the closing quote of line `line`: <C-x><C-o> (ALE's omnifunc), then
" the item whose word is `word`, chosen with <C-n> from a timer once the menu lists it (ALE's
" omnifunc waits for the answer and gives up if a key is pending, so nothing else is typed ahead).
function! s:Complete(line, word) abort
  let s:word = a:word
  let s:offered = []
  let s:waited = 0
  call cursor(a:line, len(getline(a:line)) - 1)
  call timer_start(20, function('s:PickWhenListed'), {'repeat': -1})
  call feedkeys("a\<C-x>\<C-o>", 'x!')
  return [getline(a:line), s:offered]
endfunction

function! s:PickWhenListed(timer) abort
  let s:waited += 20
  let l:items = complete_info(['items']).items
  if empty(l:items) && s:waited < 10000
    return
  endif
  call timer_stop(a:timer)
  let s:offered = map(copy(l:items), 'v:val.word')
  let l:index = index(s:offered, s:word)
  " The first item is already inserted (completeopt=menu,preview): index more.
  call feedkeys(l:index >= 0 ? repeat("\<C-n>", l:index) . "\<C-y>\<Esc>" : "\<C-e>\<Esc>", 'n')
endfunction

" ALE lists the code actions and asks for a number: the user types 1, the preferred one.
function! s:AnswerPrompt(timer) abort
  if getcmdtype() is# '@'
    call timer_stop(a:timer)
    call feedkeys("1\<CR>", 'n')
  endif
endfunction

try
  execute 'edit' fnameescape($CT_FILE)
  call s:WaitFor('len(ale#engine#GetLoclist(bufnr(""))) >= 2', 20000)
  let s:result.diagnostics = map(copy(ale#engine#GetLoclist(bufnr(''))), 'v:val.text')

  call cursor(3, stridx(getline(3), 'volume.at') + 9)
  ALEHover
  call s:WaitFor('!empty(getbufline("ALEPreviewWindow", 1, "$"))', 10000)
  let s:result.hover = join(getbufline('ALEPreviewWindow', 1, '$'), "\n")
  pclose

  let [s:result.namespaceLine, s:result.namespaceOffered] = s:Complete(5, 'volume.')
  let [s:result.segmentLine, s:result.segmentOffered] = s:Complete(6, 'create')

  call cursor(2, 10)
  call timer_start(20, function('s:AnswerPrompt'), {'repeat': 500})
  ALECodeAction
  call s:WaitFor('getline(2) !~# "instnace"', 10000)
  let s:result.fixedLine = getline(2)
catch
  let s:result.error = v:exception . ' at ' . v:throwpoint
endtry
call writefile([json_encode(s:result)], $CT_RESULT)
qa!
