//===- RunMatDialect.cpp - The runmat dialect -----------------------------===//
#include "RunMat/RunMatDialect.h"
#include "RunMat/RunMatOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace runmat;

#include "RunMat/RunMatDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "RunMat/RunMatTypes.cpp.inc"

void RunMatDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "RunMat/RunMatTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "RunMat/RunMatOps.cpp.inc"
      >();
}
