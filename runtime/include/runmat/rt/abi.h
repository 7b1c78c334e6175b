/*===- runmat/rt/abi.h - The RunMat runtime's C ABI -----------------------===*
 *
 * The one boundary between compiled MATLAB code (JIT or AOT) and the runtime.
 * The compiler's lowering (lib/Conversion/RunMatToLLVM) emits calls to exactly
 * these symbols; the runtime (runtime/lib) implements them. Keep both in sync:
 * the signatures below are mirrored in RuntimeABI.cpp of the conversion.
 *
 * Conventions
 *  - rm_value* is an opaque, reference-counted MATLAB value (any class).
 *  - Every function returning rm_value* returns an OWNED reference (+1): the
 *    caller must rm_release it. Arguments are BORROWED unless stated.
 *  - Errors never return: the runtime raises a MATLAB error, which unwinds to
 *    the innermost rm_run_main/rm_try frame (setjmp/longjmp at the boundary;
 *    C++ exceptions never cross into compiled code).
 *  - Sizes and indices are int64_t; 1-based where MATLAB is 1-based.
 *===----------------------------------------------------------------------===*/
#ifndef RUNMAT_RT_ABI_H
#define RUNMAT_RT_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rm_value rm_value;

/* Value header layout read directly by compiled code.
 *
 * The lowering inlines the common case of scalar indexing, A(i), A(i,j),
 * A(i) = x and A(i,j) = x on a real double array, instead of calling the
 * runtime: it reads these fields of the value behind an rm_value* at these
 * byte offsets, and calls the runtime for anything else. The runtime checks
 * the offsets at compile time (static_assert in Value.cpp) and the unit
 * tests check the data pointers; changing the Value class means changing
 * these numbers and nothing else.
 *  - REFCOUNT: int64_t reference count (1: the holder may write in place).
 *  - KIND: uint16_t, zero exactly when the value is a real double array.
 *  - DIMS: pointer to the int64_t dimensions (dims[0] is the row count).
 *  - DATA_BEGIN / DATA_END: pointers to the first and one past the last
 *    element (double), column-major. */
#define RM_LAYOUT_REFCOUNT 0
#define RM_LAYOUT_KIND 8
#define RM_LAYOUT_DIMS 16
#define RM_LAYOUT_DATA_BEGIN 40
#define RM_LAYOUT_DATA_END 48

/* Binary operators (rm_binop). The numbering is part of the ABI. */
enum rm_binop_kind {
  RM_OP_PLUS = 0,    /* +   */
  RM_OP_MINUS = 1,   /* -   */
  RM_OP_TIMES = 2,   /* .*  */
  RM_OP_RDIVIDE = 3, /* ./  */
  RM_OP_LDIVIDE = 4, /* .\  */
  RM_OP_POWER = 5,   /* .^  */
  RM_OP_MTIMES = 6,  /* *   */
  RM_OP_MRDIVIDE = 7,/* /   */
  RM_OP_MLDIVIDE = 8,/* \   */
  RM_OP_MPOWER = 9,  /* ^   */
  RM_OP_EQ = 10,     /* ==  */
  RM_OP_NE = 11,     /* ~=  */
  RM_OP_LT = 12,     /* <   */
  RM_OP_LE = 13,     /* <=  */
  RM_OP_GT = 14,     /* >   */
  RM_OP_GE = 15,     /* >=  */
  RM_OP_AND = 16,    /* &   */
  RM_OP_OR = 17      /* |   */
};

/* Unary operators (rm_unop). */
enum rm_unop_kind {
  RM_OP_NEG = 0,       /* -x  */
  RM_OP_UPLUS = 1,     /* +x  */
  RM_OP_NOT = 2,       /* ~x  */
  RM_OP_CTRANSPOSE = 3,/* x'  */
  RM_OP_TRANSPOSE = 4  /* x.' */
};

/* ---- lifetime -------------------------------------------------------- */
void rm_retain(rm_value *v);
void rm_release(rm_value *v); /* null is allowed */

/* ---- boxing / unboxing ------------------------------------------------- */
rm_value *rm_from_f64(double x);
rm_value *rm_from_bool(int32_t b);
/* A char row vector from UTF-8 bytes (len bytes, not NUL-terminated). */
rm_value *rm_from_string(const char *s, int64_t len);
rm_value *rm_empty(void); /* [] : 0x0 double */
/* A rows x cols double matrix from its values row by row (a literal). */
rm_value *rm_from_doubles(int64_t rows, int64_t cols, const double *rowMajor);
/* The magic ':' used as a whole-dimension subscript. */
rm_value *rm_colon_all(void);
/* Scalar conversion: the value must be a real numeric/logical/char scalar. */
double rm_to_f64(rm_value *v);
/* if/while truth: non-empty and all elements nonzero (errors on NaN). */
int32_t rm_truth(rm_value *v);
/* Truth for && and ||: the operand must be convertible to a logical scalar. */
int32_t rm_truth_scalar(rm_value *v);
/* 1 when v is a real double scalar (the compiler's dynamic guard). */
int32_t rm_is_scalar_double(rm_value *v);

/* ---- operators ---------------------------------------------------------- */
rm_value *rm_binop(int32_t op, rm_value *a, rm_value *b);
rm_value *rm_unop(int32_t op, rm_value *a);
/* a:b and a:step:b (step may be null). */
rm_value *rm_range(rm_value *a, rm_value *step, rm_value *b);

/* Scalar ranges, for `for` loops compiled natively: the element count of
 * start:step:stop and its last element (the endpoint snapped to stop when
 * within tolerance). colonRange uses the same two functions. */
int64_t rm_range_count(double start, double step, double stop);
double rm_range_last(double start, double step, double stop, int64_t count);

/* ---- construction --------------------------------------------------------- */
/* [ ... ] : nrows rows, row r has rowlens[r] elements; elems holds them row by
 * row. Empty operands vanish; char wins over numbers; sizes must conform. */
rm_value *rm_concat(int64_t nrows, const int64_t *rowlens, rm_value **elems);

/* ---- indexing ------------------------------------------------------------- */
/* base(idx...) */
rm_value *rm_index(rm_value *base, int64_t nidx, rm_value **idx);
/* The value of `end` in position k (0-based) of nidx subscripts. */
int64_t rm_end(rm_value *base, int64_t k, int64_t nidx);
/* *slot(idx...) = rhs, in place when *slot is not shared; *slot may be null
 * (an undefined variable grows from []). rhs may be [] for deletion when
 * is_delete is nonzero. */
void rm_index_assign(rm_value **slot, int64_t nidx, rm_value **idx,
                     rm_value *rhs, int32_t is_delete);
/* Scalar fast paths for A(i) and A(i,j) with double subscripts. */
double rm_index_f64_1(rm_value *base, double i);
double rm_index_f64_2(rm_value *base, double i, double j);
void rm_index_assign_f64_1(rm_value **slot, double i, double rhs);
void rm_index_assign_f64_2(rm_value **slot, double i, double j, double rhs);

/* ---- chained indexing: s.a(2).b{3} ------------------------------------ */
/* Level kinds of a subscript chain. */
enum rm_sub_kind { RM_SUB_PAREN = 0, RM_SUB_BRACE = 1, RM_SUB_FIELD = 2 };
/* base<chain>: nlev levels; level l has kinds[l] and counts[l] arguments,
 * taken in order from args (a FIELD level has one: its name as char). With
 * as_list, a result list of other than one value comes back as a
 * comma-separated list, which calls and concatenations expand. */
rm_value *rm_subsref(rm_value *base, int64_t nlev, const int32_t *kinds,
                     const int64_t *counts, rm_value **args, int32_t as_list);
/* *slot<chain> = rhs, creating missing levels (*slot may be null). */
void rm_subsasgn(rm_value **slot, int64_t nlev, const int32_t *kinds,
                 const int64_t *counts, rm_value **args, rm_value *rhs);
/* *slot<chain> = [] deleting: the last level must be (...). */
void rm_subsdelete(rm_value **slot, int64_t nlev, const int32_t *kinds,
                   const int64_t *counts, rm_value **args);
/* Value k (0-based) of a comma-separated list of n expected values (a
 * value that is not a list counts as a list of one). */
rm_value *rm_list_element(rm_value *list, int64_t k, int64_t n);
/* {a b; c d}: a cell array of the values (lists expanded). */
rm_value *rm_cell_literal(int64_t nrows, const int64_t *rowlens, rm_value **elems);

/* ---- for loops over arrays (iterates columns) --------------------------- */
int64_t rm_for_count(rm_value *range);                /* number of columns */
rm_value *rm_for_column(rm_value *range, int64_t k); /* 0-based column k */

/* ---- builtins ------------------------------------------------------------- */
/* Calls the builtin `name` with nargin args; writes nout results into outs
 * (owned). nargout is what the call site asked for (0 for a statement). */
void rm_call_builtin(const char *name, int32_t nargout, int32_t nargin,
                     rm_value **args, int32_t nout, rm_value **outs);
/* 1 if `name` is a builtin known to the runtime. */
int32_t rm_has_builtin(const char *name);

/* The persistent workspace variable `name` (the interactive prompt's
 * variables): a slot that outlives one compiled input. */
rm_value **rm_workspace_slot(const char *name);
/* The slot of a global or persistent variable (key "global NAME" or
 * "persistent FILE>FUNCTION>NAME"): created holding [] on first use, stable
 * for the life of the program. Compiled code never releases it. */
rm_value **rm_shared_slot(const char *key);

/* x = [x, v1, ...] (vertical = 0) or x = [x; v1; ...] (vertical = 1) on
 * the variable in *slot: in place (amortised growth) when x is not shared
 * and the values only extend it (rows of x's class onto a row, columns onto
 * a column); otherwise as rm_concat, the result stored in *slot. */
void rm_append(rm_value **slot, int64_t n, rm_value **values, int32_t vertical);
/* A fused elementwise region (runmat.fused_elementwise): when the n arrays
 * are real double or single arrays of one size, or arrays whose sizes
 * combine by implicit expansion (each dimension equal or 1; with more than
 * two dimensions, each array has all of the result's dimensions after the
 * first or none of them), a new
 * zero-filled array of the result's size (owned; single when any input is
 * single); otherwise NULL, and the region's fallback computes the result
 * with the ordinary operations. `layout` (2 + 2n int64s) receives {R,
 * flags, then per array its row and column strides}: flags bit 0 clear
 * means every array has the result's size (elements by linear index), set
 * means element (i, j) of array k is at i * rs_k + j * cs_k (rs 0 or 1, cs 0
 * or its rows) in an R x C result (C: the product of the dimensions after
 * the first); bit 1 set means single arithmetic (the
 * compiled body rounds every operand and result to single). */
rm_value *rm_fused_prepare(int64_t n, rm_value **arrays, int64_t *layout);
/* The same for a region with a given size (runmat.fused_elementwise with
 * `shape`, whose body computes array generators from the element's index):
 * a rows x cols double array, when rows and cols are non-negative integers
 * and the n arrays (n may be 0) are real double arrays that rm_fused_prepare
 * takes and whose combined size is exactly rows x cols; otherwise NULL. */
rm_value *rm_fused_prepare_shaped(double rows, double cols, int64_t n,
                                  rm_value **arrays, int64_t *layout);
/* Sums of contiguous lines (sum and mean along a column, 'all') add
 * chunks of this many elements, each from 0 in order, then the chunk sums
 * in order: the runtime and fused reductions alike. */
#define RM_SUM_CHUNK 4096

/* A fused reduction (runmat.fused_reduce) of kind sum (0) or mean (1)
 * along `dim` (1, 2, 0 = the first non-singleton, -1 = all): when the n
 * arrays are real double or single arrays that rm_fused_prepare would take
 * (one size, or 2-D sizes combining by implicit expansion; for 'all' only
 * when the expanded R x C has R a multiple of RM_SUM_CHUNK: flag 4, the
 * columns' chunks then are the linear order's chunks),
 * their combined size is nonempty and the reduction is along the rows
 * (d = 1: R x C elements folded into C outputs, 'all' as one column) or the
 * columns of a matrix (d = 2: into R outputs), the result array (double
 * until the finish) with `layout` (8 + 2n int64s) = {R, C, d, flags (as
 * rm_fused_prepare's), count (the mean's divisor), single result (single
 * data and not `outDouble`), nch, partials, then per array its row and
 * column strides}; otherwise NULL (fallback). For d = 1 each column is
 * nch = ceil(R / RM_SUM_CHUNK) chunks, and the compiled kernel writes chunk
 * c of column j's sum to ((double *)partials)[j * nch + c]; for d = 2 it
 * adds into the zero-filled result. */
rm_value *rm_fused_reduce_prepare(int64_t n, rm_value **arrays, int32_t dim,
                                  int32_t outDouble, int64_t *layout);
/* The same for a region with a given size (runmat.fused_reduce with
 * `shape`): the chain is rows x cols, as rm_fused_prepare_shaped takes it. */
rm_value *rm_fused_reduce_prepare_shaped(double rows, double cols, int64_t n,
                                         rm_value **arrays, int32_t dim,
                                         int32_t outDouble, int64_t *layout);
/* After the kernels of a fused reduction: for d = 1 each output is the sum
 * of its chunk sums in order (with flag 4, the one output the sum of all
 * chunk sums, column after column; the partials are freed); a mean's outputs are
 * divided by the count, a single result rounded to single. */
void rm_fused_reduce_finish(rm_value *out, int32_t kind, int64_t *layout);
/* The loop idiom (runmat.fused_rng_loop): `count` steps of
 * `Z = randn(dims); S = f(S, Z, ...)`. When `state` is a real double array
 * of the size the `ndims` size values `dims` give (as randn would make it),
 * count >= 1 and the current generator is the LCG: a copy of state (owned)
 * for the kernel to update in place, with info = {numel, s0 (the LCG state
 * before the loop), mul, add (the jump over one step's draws,
 * 2*ceil(numel/2) uniforms, as the affine map s -> mul*s + add)}, the
 * generator advanced past all count steps, and, when `lastDraw` is not
 * NULL, *lastDraw = the last step's randn array (owned); otherwise NULL
 * (the loop runs as written). */
rm_value *rm_rng_loop_prepare(rm_value *state, int64_t count, int64_t ndims,
                              const double *dims, uint64_t *info,
                              rm_value **lastDraw);
/* Normals k0 .. k0+n-1 (k0 even) of the randn call that starts from LCG
 * state `state`, into out[0 .. n-1]: the numbers randn would give. */
void rm_lcg_normals(uint64_t state, int64_t k0, int64_t n, double *out);

/* The GPU kernel of a fused elementwise region (SPIR-V, `words` 32-bit
 * words, made by the compiler: bindings {out, arrays..., then with
 * `flagged` a u32 flag}, push constants {u32 base, u32 n, f64 scalars...}),
 * given the result rm_fused_prepare made and its layout: returns 1 when the
 * kernel computed `out` on the GPU, 0 when the caller's CPU kernel must (no
 * device, a region it does not run yet, RUNMAT_DEVICE not asking for the
 * GPU, an element that set the flag because the kernel cannot compute it,
 * any failure). */
int32_t rm_gpu_elementwise(const uint32_t *spirv, int64_t words, rm_value *out,
                           int64_t narrays, rm_value **arrays, int64_t nscalars,
                           const double *scalars, const int64_t *layout,
                           int32_t flagged);

/* A compiled loop over elements [begin, end) of a fused region; ctx holds
 * its pointers and scalars. */
typedef void (*rm_kernel_fn)(void *ctx, int64_t begin, int64_t end);
/* Runs fn over [0, n): split into contiguous chunks across the runtime's
 * threads when n is at least `grain` elements per thread, else in the
 * calling thread. Chunk boundaries are multiples of 64 elements. Threads:
 * RUNMAT_NUM_THREADS, default the machine's cores. The kernel must not
 * raise errors (fused bodies cannot). */
void rm_parallel_for(int64_t n, int64_t grain, rm_kernel_fn fn, void *ctx);
/* Starts the thread pool now (rm_init does), not inside the first region. */
void rm_parallel_start(void);
/* For a call statement: when v is not null, *slot = v (retaining it) and,
 * with display, show it as `ans`. */
void rm_assign_ans(rm_value **slot, rm_value *v, int32_t display);
/* switch/case matching: numbers by ==, char by strcmp, cell cases by any. */
int32_t rm_switch_match(rm_value *subject, rm_value *case_value);

/* ---- function handles ------------------------------------------------- */
/* The entry of compiled code behind a handle: its captured values, the
 * call's arguments, and room for max(nargout, 1) owned outputs (left null
 * when the function produces none). */
typedef void (*rm_code)(rm_value **captures, int32_t nargin, rm_value **args,
                        int32_t nargout, rm_value **outs);
/* @(x) body: code, the func2str text, the captured values (borrowed; null
 * for a name not yet assigned) and the number of declared parameters. */
rm_value *rm_make_closure(rm_code code, const char *text, int64_t ncaps,
                          rm_value **caps, int32_t nparams);
/* @name: a handle to a local function (code not null) or a builtin. */
rm_value *rm_make_handle(const char *name, rm_code code, int32_t nparams);
/* f(args...) where f is a value (a function handle; otherwise indexing). */
void rm_call_value(rm_value *f, int32_t nargout, int32_t nargin, rm_value **args,
                   int32_t nout, rm_value **outs);

/* ---- display -------------------------------------------------------------- */
/* Auto-display `name = ...` (MATLAB's display()). */
void rm_display(const char *name, rm_value *v);
void rm_display_f64(const char *name, double x);
void rm_display_bool(const char *name, int32_t b);

/* ---- errors ---------------------------------------------------------------- */
/* Raise a MATLAB error (never returns). */
void rm_error(const char *identifier, const char *message);
void rm_error_undefined(const char *name);      /* undefined variable/function */
void rm_error_unassigned_output(const char *name, const char *function);
void rm_error_not_enough_inputs(void); /* unpassed input parameter read */
void rm_error_too_many_inputs(const char *fname);
void rm_error_too_many_outputs(const char *fname);
/* The line of the statement now executing (compiled code stores into it). */
extern int32_t rm_current_line;
/* Entering and leaving a compiled MATLAB function (the call stack used by
 * "Error in" messages); leaving restores the caller's function and line. */
void rm_enter_function(const char *file, const char *function);
void rm_leave_function(void);
/* Record the source position of the statement now executing (for messages). */
void rm_set_location(const char *file, const char *function, int32_t line);

/* ---- program entry ---------------------------------------------------------- */
/* Runs entry() under an error handler: prints an uncaught error MATLAB-style
 * to stderr and returns 1, else returns 0. Flushes stdout. */
int32_t rm_run_main(void (*entry)(void));
/* Initialise the runtime once per process (idempotent). */
void rm_init(void);

#ifdef __cplusplus
}
#endif

#endif /* RUNMAT_RT_ABI_H */
