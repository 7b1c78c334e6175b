//===- RunMatDialect.h - The runmat dialect ---------------------*- C++ -*-===//
#ifndef RUNMAT_DIALECT_RUNMATDIALECT_H
#define RUNMAT_DIALECT_RUNMATDIALECT_H

#include "mlir/IR/Dialect.h"

#include "RunMat/RunMatDialect.h.inc"

#endif
