;; init.el, Emacs 28 (eglot 1.9: apt install elpa-eglot) and Emacs 29+ (eglot built in).
(require 'eglot)
(add-to-list 'eglot-server-programs
             '((python-mode js-mode typescript-mode go-mode sh-mode yaml-mode)
               . ("cloudtrail-events-language-server" "--stdio")))
;; Start it in every Python buffer (or run M-x eglot in a buffer):
(add-hook 'python-mode-hook #'eglot-ensure)
