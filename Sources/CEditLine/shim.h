// Thin wrappers over libedit for Swift: el_set/el_get/history are variadic, and Swift 6 treats the
// C globals stdin/stdout/stderr as shared mutable state. Nothing else belongs here.
#ifndef SPIEGEL_CEDITLINE_SHIM_H
#define SPIEGEL_CEDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>

typedef unsigned char (*spiegel_el_func_t)(EditLine *, int);
typedef char *(*spiegel_el_prompt_t)(EditLine *);

static inline FILE *spiegel_stdin(void) { return stdin; }
static inline FILE *spiegel_stdout(void) { return stdout; }
static inline FILE *spiegel_stderr(void) { return stderr; }

static inline EditLine *spiegel_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}

/// Prompt with an escape character: text between two `esc` characters is not counted (colour codes).
static inline int spiegel_el_set_prompt_esc(EditLine *el, spiegel_el_prompt_t f, char esc) {
    return el_set(el, EL_PROMPT_ESC, f, esc);
}
/// The function libedit calls to read one character (so a pending Ctrl-C is seen before blocking).
static inline int spiegel_el_set_getcfn(EditLine *el, el_rfunc_t f) { return el_set(el, EL_GETCFN, f); }
static inline int spiegel_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int spiegel_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int spiegel_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int spiegel_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *spiegel_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int spiegel_el_addfn(EditLine *el, const char *name, const char *help, spiegel_el_func_t f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int spiegel_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}

static inline History *spiegel_history_init(int size) {
    History *h = history_init();
    HistEvent ev;
    if (h) {
        history(h, &ev, H_SETSIZE, size);
        history(h, &ev, H_SETUNIQUE, 1);
    }
    return h;
}
static inline int spiegel_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int spiegel_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int spiegel_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
static inline int spiegel_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) < 0) return 0;
    return ev.num;
}

#endif
