//===- RunMatOps.h - Ops and types of the runmat dialect --------*- C++ -*-===//
#ifndef RUNMAT_DIALECT_RUNMATOPS_H
#define RUNMAT_DIALECT_RUNMATOPS_H

#include "RunMat/RunMatDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_TYPEDEF_CLASSES
#include "RunMat/RunMatTypes.h.inc"

#define GET_OP_CLASSES
#include "RunMat/RunMatOps.h.inc"

#endif
