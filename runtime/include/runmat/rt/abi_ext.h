/*===- runmat/rt/abi_ext.h - Runtime ABI additions: try/catch ------------===*
 *
 * Additions to the C ABI of abi.h (same conventions) for MATLAB try/catch in
 * compiled code. The handler is a jmp_buf owned by the runtime; compiled code
 * calls setjmp on it itself (setjmp must run in the frame that stays live):
 *
 *     void *buf = rm_try_begin();
 *     if (_setjmp(buf) == 0) { ...try body...; rm_try_end(); }
 *     else { ...catch body (the handler is already popped)... }
 *
 * An error raised inside the body pops the handler and longjmps to it. A try
 * body left early (return, break) must call rm_try_end() first.
 *===----------------------------------------------------------------------===*/
#ifndef RUNMAT_RT_ABI_EXT_H
#define RUNMAT_RT_ABI_EXT_H

#include "runmat/rt/abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Pushes an error handler; returns its jmp_buf (valid until popped). */
void *rm_try_begin(void);
/* Pops the innermost handler (the try body completed). */
void rm_try_end(void);
/* In a catch block: restores the catching function's call-stack state and
 * returns the caught error as an MException-like struct (identifier,
 * message, stack). */
rm_value *rm_caught_error(void);
/* The last caught error (owned char row vectors). */
rm_value *rm_last_error_message(void);
rm_value *rm_last_error_identifier(void);
/* Raises the last caught error again (rethrow). */
void rm_rethrow_last(void);

#ifdef __cplusplus
}
#endif

#endif /* RUNMAT_RT_ABI_EXT_H */
