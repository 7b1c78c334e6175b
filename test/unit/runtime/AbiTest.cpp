//===- AbiTest.cpp - Unit tests of the runtime's C ABI --------------------===//
//
// Needs the whole runtime (builtins and display) to link.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/abi.h"
#include "runmat/rt/Index.h"
#include "runmat/rt/Io.h"
#include "runmat/rt/Value.h"
#include "runmat/rt/abi_ext.h"

#include <gtest/gtest.h>

#include <cmath>
#include <csetjmp>
#include <cstring>
#include <string>

using namespace runmat::rt;

namespace {

Value *V(rm_value *v) { return reinterpret_cast<Value *>(v); }

int gSteps = 0;

void entryOk() { gSteps = 1; }

void entryIndexError() {
  rm_value *v = rm_from_f64(1);
  gSteps = 1;
  rm_set_location("/tmp/prog.m", "prog", 0);
  rm_current_line = 7;
  rm_index_f64_1(v, 3); // out of range: never returns
  gSteps = 2;
}

void entryNested() { gSteps = rm_run_main(entryIndexError) == 1 ? 10 : 20; }

/// try { x(0) } catch: returns 1 when the catch ran.
int tryCatch() {
  void *buf = rm_try_begin();
  if (setjmp(*static_cast<jmp_buf *>(buf)) == 0) {
    rm_value *v = rm_from_f64(4);
    rm_index_f64_1(v, 0);
    rm_try_end();
    return 0;
  }
  return 1;
}

void entryTry() { gSteps = tryCatch(); }

void entryBuiltin() {
  rm_value *args[1] = {rm_range(rm_from_f64(1), nullptr, rm_from_f64(4))};
  rm_value *outs[1] = {nullptr};
  rm_call_builtin("numel", 1, 1, args, 1, outs);
  gSteps = (int)rm_to_f64(outs[0]);
  rm_release(outs[0]);
  rm_release(args[0]);
}

} // namespace

TEST(Abi, RunMainReturnsZeroAndOne) {
  gSteps = 0;
  EXPECT_EQ(rm_run_main(entryOk), 0);
  EXPECT_EQ(gSteps, 1);
  testing::internal::CaptureStderr();
  EXPECT_EQ(rm_run_main(entryIndexError), 1);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(gSteps, 1);
  EXPECT_NE(err.find("Index exceeds the number of array elements. Index must "
                     "not exceed 1."),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("Error"), std::string::npos);
  EXPECT_NE(err.find("Error in prog (line 7)"), std::string::npos) << err;
  rm_current_line = 0;
  rm_set_location(nullptr, nullptr, 0);
}

TEST(Abi, NestedRunMainAndTry) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(rm_run_main(entryNested), 0);
  testing::internal::GetCapturedStderr();
  EXPECT_EQ(gSteps, 10);
  EXPECT_EQ(rm_run_main(entryTry), 0);
  EXPECT_EQ(gSteps, 1);
  rm_value *m = rm_last_error_message();
  EXPECT_EQ(V(m)->str(),
            "Array indices must be positive integers or logical values.");
  rm_release(m);
  rm_value *id = rm_last_error_identifier();
  EXPECT_EQ(V(id)->str(), "MATLAB:badsubscript");
  rm_release(id);
}

TEST(Abi, ScalarFastPaths) {
  rm_value *v = nullptr;
  for (int i = 1; i <= 5; ++i)
    rm_index_assign_f64_1(&v, i, i * 10); // appends
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(V(v)->dims, (Dims{1, 5}));
  EXPECT_EQ(rm_index_f64_1(v, 3), 30);
  rm_value *shared = v;
  rm_retain(shared);
  rm_index_assign_f64_1(&v, 1, -1); // copy on write
  EXPECT_NE(v, shared);
  EXPECT_EQ(rm_index_f64_1(shared, 1), 10);
  EXPECT_EQ(rm_index_f64_1(v, 1), -1);
  rm_release(shared);
  rm_value *m = nullptr;
  rm_index_assign_f64_2(&m, 2, 3, 5); // grows from []
  EXPECT_EQ(V(m)->dims, (Dims{2, 3}));
  EXPECT_EQ(rm_index_f64_2(m, 2, 3), 5);
  EXPECT_EQ(rm_index_f64_2(m, 1, 1), 0);
  rm_index_assign_f64_2(&m, 1, 2, 4);
  EXPECT_EQ(rm_index_f64_1(m, 3), 4);
  rm_release(v);
  rm_release(m);
}

TEST(Abi, IndexAssignAndDelete) {
  rm_value *x = rm_range(rm_from_f64(1), nullptr, rm_from_f64(5));
  rm_value *idx[2] = {rm_from_f64(2), nullptr};
  rm_index_assign(&x, 1, idx, nullptr, 1); // x(2) = []
  EXPECT_EQ(V(x)->re, (std::vector<double>{1, 3, 4, 5}));
  rm_value *c = rm_colon_all();
  idx[0] = c;
  rm_value *seven = rm_from_f64(7);
  rm_index_assign(&x, 1, idx, seven, 0); // x(:) = 7
  EXPECT_EQ(V(x)->re, (std::vector<double>{7, 7, 7, 7}));
  EXPECT_EQ(rm_end(x, 0, 1), 4);
  rm_release(c);
  rm_release(seven);
  rm_release(x);
}

TEST(Abi, ForLoopsIterateColumns) {
  // Rules 21 and 23.
  rm_value *m = rm_empty();
  rm_index_assign_f64_2(&m, 2, 2, 4);
  rm_index_assign_f64_2(&m, 1, 1, 1);
  rm_index_assign_f64_2(&m, 1, 2, 2);
  rm_index_assign_f64_2(&m, 2, 1, 3); // [1 2;3 4]
  EXPECT_EQ(rm_for_count(m), 2);
  rm_value *c1 = rm_for_column(m, 1);
  EXPECT_EQ(V(c1)->dims, (Dims{2, 1}));
  EXPECT_EQ(V(c1)->re, (std::vector<double>{2, 4}));
  rm_release(c1);
  rm_release(m);
  rm_value *r = rm_range(rm_from_f64(1), nullptr, rm_from_f64(3));
  EXPECT_EQ(rm_for_count(r), 3);
  rm_value *e = rm_for_column(r, 2);
  EXPECT_TRUE(rm_is_scalar_double(e));
  EXPECT_EQ(rm_to_f64(e), 3);
  rm_release(e);
  rm_release(r);
  ValueRef z = makeArray(ClassId::Double, {0, 3});
  EXPECT_EQ(rm_for_count(reinterpret_cast<rm_value *>(z.get())), 0);
}

TEST(Abi, TruthAndSwitch) {
  rm_value *v = rm_range(rm_from_f64(1), nullptr, rm_from_f64(3));
  EXPECT_EQ(rm_truth(v), 1);
  rm_value *e = rm_empty();
  EXPECT_EQ(rm_truth(e), 0);
  rm_value *a = rm_from_string("abc", 3), *b = rm_from_string("abc", 3),
           *c = rm_from_string("ab", 2), *n = rm_from_f64(3);
  EXPECT_EQ(rm_switch_match(a, b), 1);
  EXPECT_EQ(rm_switch_match(a, c), 0);
  EXPECT_EQ(rm_switch_match(n, rm_from_f64(3)), 1);
  EXPECT_EQ(rm_switch_match(n, a), 0);
  ValueRef cell = makeCell({1, 2});
  cell->cells[0] = makeString("x");
  cell->cells[1] = makeString("abc");
  EXPECT_EQ(rm_switch_match(a, reinterpret_cast<rm_value *>(cell.get())), 1);
  rm_value *mat = rm_range(rm_from_f64(1), nullptr, rm_from_f64(2));
  testing::internal::CaptureStderr();
  EXPECT_EQ(rm_run_main([] {
              rm_value *m = rm_range(rm_from_f64(1), nullptr, rm_from_f64(2));
              rm_truth_scalar(m);
            }),
            1);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("Operands to the || and && operators must be "
                     "convertible to logical scalar values."),
            std::string::npos);
  rm_release(mat);
  rm_release(v);
  rm_release(e);
  rm_release(a);
  rm_release(b);
  rm_release(c);
  rm_release(n);
}

TEST(Abi, WorkspaceSlotsAndAns) {
  rm_value **s = rm_workspace_slot("x");
  EXPECT_EQ(*s, nullptr);
  *s = rm_from_f64(5);
  EXPECT_EQ(rm_workspace_slot("x"), s);
  for (int k = 0; k < 100; ++k)
    rm_workspace_slot(("v" + std::to_string(k)).c_str());
  EXPECT_EQ(rm_workspace_slot("x"), s); // stable across rehashing
  rm_value **ans = rm_workspace_slot("ans");
  rm_value *v = rm_from_f64(9);
  rm_assign_ans(ans, v, 0);
  EXPECT_EQ(*ans, v);
  EXPECT_EQ(V(v)->refcount, 2);
  rm_release(v);
}

TEST(Abi, BuiltinsDispatch) {
  EXPECT_EQ(rm_has_builtin("numel"), 1);
  EXPECT_EQ(rm_has_builtin("no_such_builtin_xyz"), 0);
  EXPECT_EQ(rm_run_main(entryBuiltin), 0);
  EXPECT_EQ(gSteps, 4);
}

TEST(Abi, DisplayGoesToStdout) {
  testing::internal::CaptureStdout();
  rm_display_f64("x", 5);
  flushOut();
  std::string out = testing::internal::GetCapturedStdout();
  EXPECT_NE(out.find("x ="), std::string::npos) << out;
  EXPECT_NE(out.find("5"), std::string::npos) << out;
}

// The fields compiled code reads inline (abi.h RM_LAYOUT_*) hold what the
// runtime thinks they hold: refcount, kind, dims and the data range.
TEST(AbiLayout, HeaderFieldsAtDocumentedOffsets) {
  ValueRef a = makeMatrix(3, 2, {1, 2, 3, 4, 5, 6});
  const char *p = reinterpret_cast<const char *>(a.get());
  int64_t rc;
  std::memcpy(&rc, p + RM_LAYOUT_REFCOUNT, sizeof rc);
  EXPECT_EQ(rc, 1);
  uint16_t kind;
  std::memcpy(&kind, p + RM_LAYOUT_KIND, sizeof kind);
  EXPECT_EQ(kind, 0);
  const int64_t *dims;
  std::memcpy(&dims, p + RM_LAYOUT_DIMS, sizeof dims);
  EXPECT_EQ(dims, a->dims.data());
  EXPECT_EQ(dims[0], 3);
  const double *b, *e;
  std::memcpy(&b, p + RM_LAYOUT_DATA_BEGIN, sizeof b);
  std::memcpy(&e, p + RM_LAYOUT_DATA_END, sizeof e);
  EXPECT_EQ(b, a->re.data());
  EXPECT_EQ(e - b, 6);
  // Anything but a real double has a non-zero kind.
  ValueRef c = makeString("ab");
  std::memcpy(&kind, reinterpret_cast<const char *>(c.get()) + RM_LAYOUT_KIND,
              sizeof kind);
  EXPECT_NE(kind, 0);
  ValueRef z = makeDouble(1);
  z->complex = true;
  std::memcpy(&kind, reinterpret_cast<const char *>(z.get()) + RM_LAYOUT_KIND,
              sizeof kind);
  EXPECT_NE(kind, 0);
}

// rm_fused_prepare: a result array only for real double arrays of one size
// or of 2-D sizes that combine by implicit expansion, with the layout the
// compiled loop indexes them by; NULL (the fallback) otherwise.
TEST(Abi, FusedPrepareChecksClassAndSize) {
  auto R = [](const ValueRef &v) { return reinterpret_cast<rm_value *>(v.get()); };
  int64_t layout[16];
  ValueRef a = makeMatrix(2, 3, {1, 2, 3, 4, 5, 6});
  ValueRef b = makeMatrix(2, 3, {6, 5, 4, 3, 2, 1});
  rm_value *same[] = {R(a), R(b)};
  rm_value *out = rm_fused_prepare(2, same, layout);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(V(out)->dims, (Dims{2, 3}));
  EXPECT_EQ(V(out)->cls, ClassId::Double);
  EXPECT_EQ(V(out)->refcount, 1);
  EXPECT_EQ(layout[1], 0); // linear
  rm_release(out);

  // A column (2x1), a row (1x3) and a scalar array expand against 2x3.
  ValueRef col = makeMatrix(2, 1, {1, 2});
  ValueRef row3 = makeRowVector({1, 2, 3});
  ValueRef one = makeDouble(2);
  rm_value *expand[] = {R(a), R(col), R(row3), R(one)};
  out = rm_fused_prepare(4, expand, layout);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(V(out)->dims, (Dims{2, 3}));
  EXPECT_EQ(layout[0], 2);
  EXPECT_EQ(layout[1], 1);
  EXPECT_EQ((std::vector<int64_t>(layout + 2, layout + 10)),
            (std::vector<int64_t>{1, 2, 1, 0, 0, 1, 0, 0}));
  rm_release(out);
  // A column and a row make a matrix.
  rm_value *outer[] = {R(col), R(row3)};
  out = rm_fused_prepare(2, outer, layout);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(V(out)->dims, (Dims{2, 3}));
  rm_release(out);

  // single with double: a single result, flag bit 1.
  ValueRef sa = copyValue(*a);
  sa->cls = ClassId::Single;
  rm_value *mixed[] = {R(sa), R(b)};
  out = rm_fused_prepare(2, mixed, layout);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(V(out)->cls, ClassId::Single);
  EXPECT_EQ(layout[1], 2);
  rm_release(out);

  ValueRef row = makeRowVector({1, 2, 3, 4, 5, 6});
  rm_value *shapes[] = {R(a), R(row)}; // incompatible sizes
  EXPECT_EQ(rm_fused_prepare(2, shapes, layout), nullptr);
  ValueRef s = makeString("abcdef");
  rm_value *chars[] = {R(s)};
  EXPECT_EQ(rm_fused_prepare(1, chars, layout), nullptr);
  ValueRef c = copyValue(*a);
  c->complex = true;
  c->im.assign(6, 1.0);
  rm_value *cplx[] = {R(c)};
  EXPECT_EQ(rm_fused_prepare(1, cplx, layout), nullptr);
  EXPECT_EQ(rm_fused_prepare(0, nullptr, layout), nullptr);
}

// Implicit expansion beyond two dimensions: the kernels index an array as
// i * rs + j * cs over the R x C view of the result, so an array takes part
// when it has all of the result's dimensions after the first (cs = its
// rows) or none of them (cs = 0); other N-D expansions get NULL.
TEST(Abi, FusedPrepareExpandsNDims) {
  auto R = [](const ValueRef &v) { return reinterpret_cast<rm_value *>(v.get()); };
  int64_t layout[16];
  ValueRef x = makeArray(ClassId::Double, {3, 4, 5});
  ValueRef mu = makeArray(ClassId::Double, {1, 4, 5});
  ValueRef col = makeArray(ClassId::Double, {3, 1});
  rm_value *ok[] = {R(x), R(mu), R(col)};
  rm_value *out = rm_fused_prepare(3, ok, layout);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(V(out)->dims, (Dims{3, 4, 5}));
  EXPECT_EQ(layout[0], 3);
  EXPECT_EQ(layout[1], 1);
  EXPECT_EQ((std::vector<int64_t>(layout + 2, layout + 8)),
            (std::vector<int64_t>{1, 3, 0, 1, 1, 0}));
  rm_release(out);
  ValueRef some = makeArray(ClassId::Double, {3, 4}); // 3 x 4 x 1
  rm_value *partial[] = {R(x), R(some)};
  EXPECT_EQ(rm_fused_prepare(2, partial, layout), nullptr);
  ValueRef pages = makeArray(ClassId::Double, {1, 1, 5});
  rm_value *third[] = {R(x), R(pages)};
  EXPECT_EQ(rm_fused_prepare(2, third, layout), nullptr);
}

// A region whose generators give its size (rm_fused_prepare_shaped): the
// size must be two non-negative integer counts, and any arrays real
// double, combining to exactly that size; NULL (the fallback) otherwise.
TEST(Abi, FusedPrepareShaped) {
  auto R = [](const ValueRef &v) { return reinterpret_cast<rm_value *>(v.get()); };
  int64_t layout[8];
  rm_value *out = rm_fused_prepare_shaped(1, 5, 0, nullptr, layout);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(V(out)->dims, (Dims{1, 5}));
  EXPECT_EQ(layout[1], 0);
  rm_release(out);
  ValueRef row = makeRowVector({1, 2, 3, 4, 5});
  ValueRef one = makeDouble(2);
  rm_value *arrays[] = {R(row), R(one)};
  out = rm_fused_prepare_shaped(1, 5, 2, arrays, layout);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(layout[1], 1); // the scalar array expands
  rm_release(out);
  EXPECT_EQ(rm_fused_prepare_shaped(1, 4, 1, arrays, layout), nullptr);
  EXPECT_EQ(rm_fused_prepare_shaped(1, -1, 0, nullptr, layout), nullptr);
  EXPECT_EQ(rm_fused_prepare_shaped(1, NAN, 0, nullptr, layout), nullptr);
  EXPECT_EQ(rm_fused_prepare_shaped(1, 2.5, 0, nullptr, layout), nullptr);
  EXPECT_EQ(rm_fused_prepare_shaped(1, 1e17, 0, nullptr, layout), nullptr);
  ValueRef srow = copyValue(*row);
  srow->cls = ClassId::Single;
  rm_value *single[] = {R(srow)};
  EXPECT_EQ(rm_fused_prepare_shaped(1, 5, 1, single, layout), nullptr);
}

// rm_fused_reduce_prepare for 'all' of an implicitly expanded R x C chain:
// taken by columns (flag 4) when R is a whole number of RM_SUM_CHUNK
// chunks, so the columns' chunks are the linear order's; NULL (the
// fallback) otherwise. The finish then adds every column's chunks, in
// order, into the one output.
TEST(Abi, FusedReduceAllOfExpandedColumns) {
  auto R = [](const ValueRef &v) { return reinterpret_cast<rm_value *>(v.get()); };
  int64_t layout[12];
  ValueRef x = makeArray(ClassId::Double, Dims{RM_SUM_CHUNK, 3});
  ValueRef mu = makeRowVector({1, 2, 3});
  rm_value *in[] = {R(x), R(mu)};
  rm_value *out = rm_fused_reduce_prepare(2, in, -1, 0, layout);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(layout[0], RM_SUM_CHUNK);
  EXPECT_EQ(layout[1], 3);
  EXPECT_EQ(layout[2], 1);
  EXPECT_EQ(layout[3] & 4, 4);
  EXPECT_EQ(layout[6], 1);
  double *partials = (double *)(intptr_t)layout[7];
  partials[0] = 1, partials[1] = 2, partials[2] = 4; // as the kernel would
  rm_fused_reduce_finish(out, 0, layout);
  EXPECT_EQ(V(out)->dims, (Dims{1, 1}));
  EXPECT_EQ(V(out)->re[0], 7);
  rm_release(out);

  ValueRef y = makeArray(ClassId::Double, Dims{RM_SUM_CHUNK + 1, 3});
  rm_value *odd[] = {R(y), R(mu)};
  EXPECT_EQ(rm_fused_reduce_prepare(2, odd, -1, 0, layout), nullptr);
}
