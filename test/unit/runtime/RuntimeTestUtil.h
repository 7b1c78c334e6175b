//===- RuntimeTestUtil.h - Helpers for the runtime unit tests ---*- C++ -*-===//
#ifndef RUNMAT_TEST_RUNTIME_TESTUTIL_H
#define RUNMAT_TEST_RUNTIME_TESTUTIL_H

#include "runmat/rt/Error.h"
#include "runmat/rt/Value.h"

#include <gtest/gtest.h>

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

namespace rmtest {

using namespace runmat::rt;

/// A double row vector.
inline ValueRef row(std::initializer_list<double> xs,
                    ClassId c = ClassId::Double) {
  return makeRowVector(std::vector<double>(xs), c);
}

inline ValueRef col(std::initializer_list<double> xs) {
  return makeColumnVector(std::vector<double>(xs));
}

/// A rows x cols double matrix from its elements written row by row.
inline ValueRef mat(int64_t rows, int64_t cols,
                    std::initializer_list<double> rowMajor) {
  std::vector<double> rm(rowMajor), cm(rm.size());
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      cm[(size_t)(j * rows + i)] = rm[(size_t)(i * cols + j)];
  return makeMatrix(rows, cols, cm);
}

inline ValueRef num(double x) { return makeDouble(x); }
inline ValueRef scalarOfClass(double x, ClassId c) { return makeScalar(x, c); }

inline std::vector<double> data(const ValueRef &v) { return v->re; }

/// The identifier of the MatlabError f throws ("<none>" if it does not).
inline std::string errorId(const std::function<void()> &f) {
  try {
    f();
  } catch (const MatlabError &e) {
    return e.identifier;
  }
  return "<none>";
}

/// The message of the MatlabError f throws ("<none>" if it does not).
inline std::string errorMessage(const std::function<void()> &f) {
  try {
    f();
  } catch (const MatlabError &e) {
    return e.message;
  }
  return "<none>";
}

} // namespace rmtest

#define EXPECT_DIMS(v, ...)                                                    \
  EXPECT_EQ((v)->dims, (::runmat::rt::Dims{__VA_ARGS__}))
#define EXPECT_DATA(v, ...)                                                    \
  EXPECT_EQ((v)->re, (std::vector<double>{__VA_ARGS__}))

#endif // RUNMAT_TEST_RUNTIME_TESTUTIL_H
