;;; eglot.el --- drives Emacs (batch) with eglot through the scenario of ../editors.test.ts  -*- lexical-binding: t -*-
;; Loaded after the README's snippet: writes what the user would see to $CT_RESULT as JSON, then exits.
(require 'json)
(require 'cl-lib)

(defun ct-wait-for (predicate seconds)
  "Process the server's messages until PREDICATE holds or SECONDS pass; return its value."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun ct-line (n)
  (save-excursion (goto-char (point-min)) (forward-line (1- n))
                  (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

(defun ct-complete-at-end-of (n)
  "M-x completion-at-point before the closing quote of line N."
  (goto-char (point-min)) (forward-line (1- n)) (end-of-line) (backward-char 1)
  (completion-at-point))

(let ((result nil))
  (condition-case err
      (progn
        (find-file (getenv "CT_FILE"))
        ;; eglot-ensure connects after the command that visited the file, from post-command-hook.
        (run-hooks 'post-command-hook)
        (ct-wait-for (lambda () (>= (length (flymake-diagnostics)) 2)) 20)
        (push (cons 'diagnostics (vconcat (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))) result)

        ;; Hover: what eldoc shows at point.
        (goto-char (point-min)) (search-forward "volume.at")
        (let (hover)
          (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover info)))
          (ct-wait-for (lambda () hover) 10)
          (push (cons 'hover (substring-no-properties hover)) result))

        ;; After "event_id.iaas. nothing may be inserted by itself (the common prefix is empty);
        ;; the user then picks volume. in *Completions*.
        (ct-complete-at-end-of 5)
        (push (cons 'namespaceUntouched (ct-line 5)) result)
        (let ((file-window (selected-window)))
          (select-window (get-buffer-window "*Completions*"))
          (goto-char (point-min))
          (re-search-forward "^volume\\.")
          (backward-char 2)
          (choose-completion)
          (select-window file-window))
        (push (cons 'namespaceLine (ct-line 5)) result)

        (ct-complete-at-end-of 6)
        (push (cons 'segmentLine (ct-line 6)) result)

        ;; The quick fix: RET at the prompt picks the default, the preferred action.
        (goto-char (point-min)) (search-forward "instnace")
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt _collection &optional _pred _require _initial _hist default &rest _) default)))
          (let ((last-nonmenu-event 13)) ; a key, not a mouse click: the prompt, not a popup menu
            (call-interactively #'eglot-code-actions)))
        (push (cons 'fixedLine (ct-line 2)) result)
        (eglot-shutdown (eglot-current-server)))
    (error (push (cons 'error (format "%S" err)) result)))
  (with-temp-file (getenv "CT_RESULT") (insert (json-encode result)))
  (kill-emacs 0))
